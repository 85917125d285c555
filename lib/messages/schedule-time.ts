/**
 * A time to send (or start) at, as the pages and the API give it: a wall-clock time (`2026-11-28T09:00`, seconds
 * allowed) and the IANA zone it is read in. One reading for Compose's Send later, a scheduled message's new time, and
 * a broadcast's `Start at`.
 */
import "server-only";
import { zonedTimeToUtc } from "@/lib/format/zoned-time";
import { scheduleProblem } from "./send-later";

export type WallClockTime = { local: string; zone: string };

/** The instant (UTC) and its zone, or why it cannot be one, in the words shown under the field. */
export function readScheduleTime(
  when: unknown,
  now: number,
  /** What to do instead of a time in the past: "use Send message", "choose Start now"… */
  instead = "use Send message",
): { at: Date; zone: string } | { problem: string } {
  const given = (typeof when === "object" && when !== null ? when : {}) as Partial<
    Record<keyof WallClockTime, unknown>
  >;
  const zone = typeof given.zone === "string" ? given.zone : "";
  const at = zonedTimeToUtc(typeof given.local === "string" ? given.local : "", zone) ?? new Date(NaN);
  const problem = scheduleProblem(at, zone, now);
  return problem ? { problem: problem.replace("(or use Send message)", `(or ${instead})`) } : { at, zone };
}
