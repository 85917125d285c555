/**
 * A wall-clock time in a zone ("2026-11-28T09:00" in "Europe/Madrid") as an instant, the way people mean it: 09:00 on
 * the clocks of Madrid that day. Null when the text is not such a time or the zone is unknown. A time that does not
 * exist that day (skipped by a clock change) moves forward by the gap, as clocks do.
 */
export function zonedTimeToUtc(local: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second ?? 0);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month! - 1) return null;
  let offset: (at: number) => number;
  try {
    offset = offsetIn(zone);
  } catch {
    return null;
  }
  // The zone's offset at the guessed instant, then again at the corrected one (it differs only around a change).
  let instant = wall - offset(wall);
  instant = wall - offset(instant);
  return new Date(instant);
}

/** The zone's offset from UTC (ms) at an instant, read from Intl's own calendar for the zone. */
function offsetIn(zone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return (at) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
    );
    const asUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return asUtc - (at - (at % 1000));
  };
}
