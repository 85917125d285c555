/** Whether `zone` is an IANA time zone this runtime knows (`Europe/Madrid`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0 && zone.length <= 64;
  } catch {
    return false;
  }
}

/**
 * A wall-clock time in a zone ("2026-11-28T09:00" in "Europe/Madrid") as an instant, the way people mean it: 09:00 on
 * the clocks of Madrid that day. Null when the text is not such a time or the zone is unknown. A time that does not
 * exist that day (skipped by a clock change) moves forward by the gap, as clocks do.
 */
export function zonedTimeToUtc(local: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (hour! > 23 || minute! > 59 || (second ?? 0) > 59) return null;
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

/** The wall-clock reading of an instant in a zone: year, month (1–12), day, hour (0–23), minute, second. */
export function wallClock(
  at: number,
  zone: string,
): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  const parts = Object.fromEntries(
    formatFor(zone)
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_FORMATS = 200;

/** One formatter per zone (it throws for a zone this runtime does not know). */
function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    // Zone names come from requests, in any spelling (case is ignored): the cache stays small whatever is asked.
    if (formats.size >= MAX_CACHED_FORMATS) formats.clear();
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetIn(zone: string): (at: number) => number {
  formatFor(zone);
  return (at) => {
    const c = wallClock(at, zone);
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - (at - (at % 1000));
  };
}
