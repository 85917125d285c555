/**
 * The retry policy: which failed calls may be repeated, how often, and who repeats them. Every layer that could try
 * again (the Callbell client, the broadcast dispatcher, the status poller, the browser's queries) reads it here, so a
 * send reaches Callbell at most `SEND_MAX_ATTEMPTS` times in all, whatever layer asks.
 *
 * - A read may be repeated freely: a 429, a 5xx, a timeout or a dropped connection is asked again, up to
 *   `READ_MAX_ATTEMPTS` times in all.
 * - A send may be repeated only when it surely did not deliver a message: Callbell answered 429 (rate limit), or the
 *   request never reached it (`notDelivered`: the connection was refused, or Bellhop refused before sending). A
 *   timeout, a reset connection or a 5xx may have delivered it, so it is never repeated automatically: Callbell
 *   documents no idempotency key, and a second message to a customer is worse than a failed one. Compose shows such
 *   a failure and the agent decides; a broadcast row that met a 5xx is failed (one without an answer is unknown), and
 *   failed rows are sent again only on purpose, with "New broadcast from failed rows".
 * - Who repeats a send: while an agent waits on Compose, the client does at once (`IN_REQUEST_SEND_ATTEMPTS`); a
 *   broadcast row goes once per attempt and the dispatcher puts it back for later (`laterRetryDelayMs`), up to
 *   `SEND_MAX_ATTEMPTS`, slowing the whole broadcast down after a 429. Every attempt of a row takes its own start
 *   from the broadcast's pace, like a first one.
 *
 * No import here but the read count, which the browser reads from its own small module.
 */

/** A send reaches Callbell at most this many times in all, whichever layer repeats it. */
export const SEND_MAX_ATTEMPTS = 5;
/** The attempts the client makes at once for a send someone waits on (the first and two repeats). */
export const IN_REQUEST_SEND_ATTEMPTS = 3;
export { READ_MAX_ATTEMPTS } from "./read-attempts";
/** A `Retry-After` longer than this is not waited on inside a request. */
export const RETRY_AFTER_MAX_SECONDS = 10;
const IN_REQUEST_BACKOFF_MS = 300;
const LATER_BACKOFF_MS = 1_000;
/** After a 429 on a status read, the poller asks nothing for at least this long. */
const READ_PAUSE_AFTER_429_MS = 60_000;

/** What the policy needs to know of a failure. */
export type CallFailure = {
  /** The HTTP status, or 0 when no answer came. */
  status: number;
  /** True when the request surely never reached Callbell. */
  notDelivered: boolean;
  /** No answer within the timeout, or the connection failed: the outcome is unknown. */
  noAnswer?: boolean;
};

/**
 * Whether Callbell refused a send for the whole account rather than for its message: the token (401, 403), or a
 * WhatsApp wallet without credit (402). Nothing was delivered, and every other send would be refused alike until
 * someone fixes it: a broadcast pauses by itself (its refused rows wait, to go again on Resume) instead of failing
 * row after row. Never repeated at once.
 */
export function refusedForTheAccount(failure: Pick<CallFailure, "status">): boolean {
  return failure.status === 401 || failure.status === 402 || failure.status === 403;
}

/** Whether a send that failed so may go again without risking a second message. */
export function maySendAgain(failure: CallFailure): boolean {
  return failure.status === 429 || failure.notDelivered;
}

/** Whether a read that failed so is worth asking again (a 4xx other than 429 will not change by asking again). */
export function mayReadAgain(failure: CallFailure): boolean {
  return failure.status === 429 || failure.notDelivered || failure.noAnswer === true || failure.status >= 500;
}

/**
 * The wait before in-request attempt `attempt + 1`: 300 ms doubling, with jitter (`random` in [0, 1)), or what
 * `Retry-After` asked for when longer, up to `RETRY_AFTER_MAX_SECONDS`.
 */
export function inRequestDelayMs(
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: number,
): number {
  const backoff = IN_REQUEST_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + random / 2);
  const requested =
    retryAfterSeconds !== undefined ? Math.min(retryAfterSeconds, RETRY_AFTER_MAX_SECONDS) * 1000 : 0;
  return Math.max(backoff, requested);
}

/**
 * When a broadcast row refused on attempt `attempt` may go again: 1 s, 2 s, 4 s, 8 s (the broadcast's own pace slows
 * down after a 429 as well, so the row need not wait long).
 */
export function laterRetryDelayMs(attempt: number): number {
  return LATER_BACKOFF_MS * 2 ** (attempt - 1);
}

/** How long the status poller pauses after Callbell answered a read with 429. */
export function readPauseAfter429Ms(retryAfterSeconds: number | undefined): number {
  return Math.max((retryAfterSeconds ?? 0) * 1000, READ_PAUSE_AFTER_429_MS);
}
