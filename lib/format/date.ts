/**
 * The one way Bellhop writes a moment (issue 21): relative within the last day ("3 minutes ago", "2 hours ago"),
 * absolute after that ("26 Nov 2026, 14:05"), and the time zone always named, so that an agent in Madrid and one in
 * Lima read the same row the same way. Pure: the caller gives the clock, the locale and the zone.
 */
export type MomentStyle = { locale?: string; timeZone?: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const formats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formats.get(key);
  if (!found) {
    // Keys hold zones from requests, in any spelling: the cache stays small whatever is asked.
    if (formats.size >= 200) formats.clear();
    found = make();
    formats.set(key, found);
  }
  return found;
}

/** The date, the time (to the minute, or the second) and the zone's short name, in `locale`. */
function dateAndTime(at: Date, withSeconds: boolean, { locale = "en-GB", timeZone }: MomentStyle): string {
  const format = formatter(
    `${withSeconds ? "s" : "m"}|${locale}|${timeZone ?? ""}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: withSeconds ? "2-digit" : undefined,
        timeZone,
        timeZoneName: "short",
      }),
  );
  return format.format(at);
}

/** "26 Nov 2026, 14:05 CET": the date, the time to the minute, the zone's short name. */
export function absoluteMoment(at: Date, style: MomentStyle = {}): string {
  return dateAndTime(at, false, style);
}

/** "26 Nov 2026, 14:05:09 CET": to the second, for a tooltip or a detail page that needs it. */
export function preciseMoment(at: Date, style: MomentStyle = {}): string {
  return dateAndTime(at, true, style);
}

/** "just now", "3 minutes ago", "2 hours ago", "in 5 minutes" within a day of `now`; null beyond a day. */
export function relativeMoment(at: Date, now: number, locale = "en"): string | null {
  const delta = at.getTime() - now;
  if (Math.abs(delta) >= DAY_MS) return null;
  const minutes = Math.trunc(delta / 60_000);
  if (minutes === 0) return "just now";
  let relative = relativeFormats.get(locale);
  if (!relative) {
    relative = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
    relativeFormats.set(locale, relative);
  }
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  return relative.format(Math.trunc(minutes / 60), "hour");
}

/** The moment as Bellhop shows it: relative within a day of `now`, absolute (with the zone) otherwise. */
export function formatMoment(at: Date | string, now: number, style: MomentStyle = {}): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return relativeMoment(date, now) ?? absoluteMoment(date, style);
}

/** "28 Nov 2026, 09:00 CET (Europe/Madrid)": a time chosen in a zone, written in that zone, the zone named. */
export function zonedMoment(at: Date, zone: string, locale?: string): string {
  const written = absoluteMoment(at, { timeZone: zone, locale });
  return zone === "UTC" ? written : `${written} (${zone})`;
}
