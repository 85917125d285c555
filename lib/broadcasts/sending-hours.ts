/**
 * A broadcast's sending hours (issue 22's "quiet hours"): it sends only between two times of day, on chosen weekdays,
 * in one time zone; outside them it waits and goes on by itself. Pure, so the dispatcher, the pages and the tests
 * (with a virtual clock) read the same rule.
 */
import { z } from "zod";
import { isTimeZone, wallClock, zonedTimeToUtc } from "@/lib/format/zoned-time";

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export type SendingHours = { from: string; to: string; zone: string; days: number[] };

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** Seconds since midnight of "09:30" or "09:30:15". */
const secondsOf = (time: string) => {
  const [hours, minutes, seconds] = time.split(":").map(Number);
  return hours! * 3600 + minutes! * 60 + (seconds ?? 0);
};

/** What the wizard and the API accept; the messages are shown under the field they name. */
export const sendingHoursSchema = z
  .object({
    from: z.string().regex(TIME_OF_DAY, "Give the time sending may start, as 09:00"),
    to: z.string().regex(TIME_OF_DAY, "Give the time sending stops, as 20:00"),
    zone: z.string().refine(isTimeZone, "Choose a time zone from the list"),
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, "Choose at least one day")
      .transform((days) => [...new Set(days)].sort()),
  })
  .superRefine((hours, context) => {
    if (
      TIME_OF_DAY.test(hours.from) &&
      TIME_OF_DAY.test(hours.to) &&
      secondsOf(hours.to) <= secondsOf(hours.from)
    ) {
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: "The end must be after the start, on the same day",
      });
    }
  });

/** The stored JSON read back; null for none (or, defensively, for anything unreadable: then it sends at any time). */
export function parseSendingHours(json: string | null | undefined): SendingHours | null {
  if (!json) return null;
  try {
    const parsed = sendingHoursSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const two = (value: number) => String(value).padStart(2, "0");

/** The window (one a chosen day, in the zone) that contains or follows `at`, looking at most 8 days ahead. */
function windows(hours: SendingHours, at: number): Array<{ opens: number; closes: number }> {
  const found: Array<{ opens: number; closes: number }> = [];
  // A window ends the day it opens, so the zone's date at `at` is the first that can hold it; days are stepped from
  // noon UTC of that date, which no clock change can move to another date.
  const today = wallClock(at, hours.zone);
  const noon = Date.UTC(today.year, today.month - 1, today.day, 12);
  for (let offset = 0; offset <= 8; offset++) {
    const day = new Date(noon + offset * 86_400_000);
    const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    if (!hours.days.includes(weekday)) continue;
    const date = `${day.getUTCFullYear()}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}`;
    const opens = zonedTimeToUtc(`${date}T${withSeconds(hours.from)}`, hours.zone);
    const closes = zonedTimeToUtc(`${date}T${withSeconds(hours.to)}`, hours.zone);
    if (opens && closes && closes.getTime() > at)
      found.push({ opens: opens.getTime(), closes: closes.getTime() });
    if (found.length > 0) break;
  }
  return found;
}

const withSeconds = (time: string) => (time.length === 5 ? `${time}:00` : time);

/**
 * When the broadcast may next send, from `at`: `at` itself inside its hours (or with none), else the next opening.
 * Null only for hours that never open (no day chosen), which the schema refuses.
 */
export function nextSendingTime(hours: SendingHours | null, at: number): number | null {
  if (!hours) return at;
  const [next] = windows(hours, at);
  if (!next) return null;
  return next.opens <= at ? at : next.opens;
}

/** Whether a send leaving at `at` is inside the hours. */
export function insideSendingHours(hours: SendingHours | null, at: number): boolean {
  return nextSendingTime(hours, at) === at;
}

/** When the window `at` is in closes (null outside it, or with no hours). */
export function sendingWindowCloses(hours: SendingHours | null, at: number): number | null {
  if (!hours) return null;
  const [next] = windows(hours, at);
  return next && next.opens <= at ? next.closes : null;
}

/** "09:00–20:00 Europe/Madrid, Mon–Fri" (weekdays in runs; "every day" for all seven). */
export function describeSendingHours(hours: SendingHours): string {
  const time = (value: string) => (value.endsWith(":00") && value.length === 8 ? value.slice(0, 5) : value);
  return `${time(hours.from)}–${time(hours.to)} ${hours.zone}, ${describeDays(hours.days)}`;
}

function describeDays(days: number[]): string {
  if (days.length === 7) return "every day";
  const runs: number[][] = [];
  for (const day of [...days].sort()) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${WEEKDAY_NAMES[run[0]! - 1]}–${WEEKDAY_NAMES[run.at(-1)! - 1]}`
        : run.map((day) => WEEKDAY_NAMES[day - 1]).join(", "),
    )
    .join(", ");
}

/** When a running broadcast outside its sending hours sends again (null when it is not waiting for them). */
export function resumesAt(
  broadcast: { state: string; sendingHours: string | null },
  now = Date.now(),
): number | null {
  if (broadcast.state !== "running") return null;
  const opens = nextSendingTime(parseSendingHours(broadcast.sendingHours), now);
  return opens === now ? null : opens;
}
