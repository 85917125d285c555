import { absoluteMoment, type MomentStyle } from "./date";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day of `at` in the zone, as a count of days since 1970: two moments compare by it. */
function dayNumber(at: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone,
  })
    .formatToParts(at)
    .reduce<Record<string, number>>((found, part) => ({ ...found, [part.type]: Number(part.value) }), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!) / DAY_MS;
}

/**
 * A time of day near `now`, for a deadline such as the 24-hour window: "12:07 CET" today, "12:07 CET tomorrow",
 * "23:10 CET yesterday"; further off, the absolute moment of lib/format/date.ts. The clock alone would let an agent
 * read "until 09:00" as this morning.
 */
export function timeOfDay(at: Date | string, now: number, { locale = "en-GB", timeZone }: MomentStyle = {}) {
  const date = typeof at === "string" ? new Date(at) : at;
  const days = dayNumber(date, timeZone) - dayNumber(new Date(now), timeZone);
  if (Math.abs(days) > 1) return absoluteMoment(date, { locale, timeZone });
  const time = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
  if (days === 0) return time;
  return `${time} ${new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day")}`;
}
