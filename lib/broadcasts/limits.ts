/**
 * A broadcast's pace and size rules. Plain values and functions, so the wizard (in the browser) and the server's
 * schema (create-broadcast.ts) apply the same rules with the same words.
 */

/**
 * The configured pace: 10 sends a second unless the broadcast says otherwise, never more than 300, the requests a
 * second Callbell takes from one account (it answers 429 above). WhatsApp's own throughput for a number may be lower.
 */
export const DEFAULT_RATE_PER_SECOND = 10;
export const MIN_RATE_PER_SECOND = 1;
export const MAX_RATE_PER_SECOND = 300;

/** What the wizard says of the pace: why 10, and what a faster one costs. */
export const RATE_TRADE_OFF =
  "Callbell takes up to 300 requests a second from one account, all of its sends and status checks together; " +
  "WhatsApp may deliver fewer for your number (a new or low-rated one starts lower) and delays or refuses the rest. " +
  "On a small server Bellhop itself may send fewer a second than asked. " +
  "A slower pace leaves room for agents sending from Compose and for status checks.";

/** The most rows one broadcast takes. */
export const MAX_RECIPIENTS = 50_000;

/** Above this many recipients, the count must be typed again to start (the wizard asks, the server checks). */
export const TYPED_CONFIRMATION_ABOVE = 100;

export const RATE_NOT_A_NUMBER = "Enter a whole number of sends per second";

/** What is wrong with a pace, or null when it is one. */
export function rateProblem(rate: number): string | null {
  if (!Number.isInteger(rate)) return RATE_NOT_A_NUMBER;
  if (rate < MIN_RATE_PER_SECOND || rate > MAX_RATE_PER_SECOND) {
    return `Between ${MIN_RATE_PER_SECOND} and ${MAX_RATE_PER_SECOND} sends a second`;
  }
  return null;
}

/** The pace as typed in a text field (an empty field is not 0). */
export function parseRate(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The pace the confirmation quotes: the one typed when it is valid, else the default. */
export function paceOf(rate: number): number {
  return rateProblem(rate) ? DEFAULT_RATE_PER_SECOND : rate;
}

/** How far back the current pace is measured. */
export const RATE_WINDOW_MS = 10_000;

/**
 * Rows finished per second lately: `finished` rows since `runningSince` (when the broadcast started or resumed) or
 * the window's start, whichever is later, so the first seconds of a run are not divided by the whole window (4 rows in
 * the first 4 s of a 1-a-second broadcast are 1 a second, not 0.4). One decimal.
 */
export function currentRate(finished: number, runningSince: number, now: number): number {
  const seconds = Math.max(1, (now - Math.max(runningSince, now - RATE_WINDOW_MS)) / 1000);
  return Math.round((finished / seconds) * 10) / 10;
}

/** Seconds a list takes at a pace, rounded up (at least one). */
export function estimatedSeconds(count: number, rate: number): number {
  return Math.max(1, Math.ceil(count / paceOf(rate)));
}

export function needsTypedCount(count: number): boolean {
  return count > TYPED_CONFIRMATION_ABOVE;
}

/** The count as typed, with the spaces, commas and dots people put between thousands left out. */
export function parseTypedCount(text: string): number {
  return Number(text.replace(/[\s,.]/g, ""));
}

/** What is wrong with the typed confirmation of a list's count, or null when none is needed or it matches. */
export function confirmCountProblem(count: number, typed: number | undefined): string | null {
  return needsTypedCount(count) && typed !== count ? `Type ${count} to confirm` : null;
}

/** A list the wizard reads as it is (public/): fictional numbers (+1 555 555 01xx), three template values. */
export const SAMPLE_CSV = "/broadcast-sample.csv";
