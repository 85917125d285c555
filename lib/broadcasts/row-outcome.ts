/**
 * What a broadcast row becomes: after its send answered (`recipientOutcome`), and when its send was cut short: the
 * instance that claimed it died, or the send threw (`interruptedRecipientOutcome`). The rule that never sends a row twice
 * because of Bellhop, and never calls a row `unknown` unless a request for it may have left.
 */
import "server-only";
import {
  laterRetryDelayMs,
  maySendAgain,
  refusedForTheAccount,
  SEND_MAX_ATTEMPTS,
} from "@/lib/callbell/retry-policy";
import type { RecipientOutcome } from "@/lib/db/broadcast-queries";
import type { RecipientRow, SendRow } from "@/lib/db/schema";
import { mayTryRowAgain } from "@/lib/messages/send-attempts";
import { resultFromRow } from "@/lib/messages/send-result";
import type { SendResult } from "@/lib/messages/send-result";

/**
 * What a row's answer means for the row, and for its broadcast: `slowDown` after a 429, `pauseNote` (why) when Callbell
 * refused it for the whole account, and the broadcast should pause rather than have every row refused alike.
 */
export function recipientOutcome(
  result: SendResult,
  attempts: number,
  now: number,
): RecipientOutcome & { slowDown: boolean; pauseNote?: string } {
  const sendId = "sendId" in result ? result.sendId : null;
  switch (result.kind) {
    case "enqueued":
      return { state: "enqueued", sendId, callbellUuid: result.uuid, error: null, slowDown: false };
    case "unknown":
      // It may have gone out: never again automatically.
      return { state: "unknown", sendId, callbellUuid: null, error: result.message, slowDown: false };
    case "invalid": {
      const fields = Object.values(result.fieldErrors);
      const error = fields.length > 0 ? `${result.message}: ${fields.join("; ")}` : result.message;
      return { state: "failed", sendId: null, callbellUuid: null, error, slowDown: false };
    }
    case "rejected": {
      if (refusedForTheAccount(result)) {
        // Refused for the account: nothing was delivered, and the row goes again when the broadcast is resumed.
        const pauseNote = accountPauseNote(result.status, attempts);
        if (attempts < SEND_MAX_ATTEMPTS) {
          return {
            state: "waiting",
            sendId,
            callbellUuid: null,
            error: result.message,
            notBefore: null,
            slowDown: false,
            pauseNote,
          };
        }
        const error = `${result.message} (after ${attempts} attempts)`;
        return { state: "failed", sendId, callbellUuid: null, error, slowDown: false, pauseNote };
      }
      // A 429, or refused before anything was sent: surely not delivered, so it may go again later (one request per
      // attempt: the row's attempts are the requests that reached Callbell).
      const retryable = maySendAgain(result);
      if (retryable && attempts < SEND_MAX_ATTEMPTS) {
        return {
          state: "waiting",
          sendId,
          callbellUuid: null,
          error: result.message,
          notBefore: new Date(now + laterRetryDelayMs(attempts)),
          slowDown: result.status === 429,
        };
      }
      const error = retryable ? `${result.message} (after ${attempts} attempts)` : result.message;
      return { state: "failed", sendId, callbellUuid: null, error, slowDown: result.status === 429 };
    }
  }
}

/**
 * Why Bellhop paused a broadcast that Callbell refused for the whole account, and what to do before Resume; with the
 * refusal's attempt, so a Resume refused again reads differently.
 */
export function accountPauseNote(status: number, attempts: number): string {
  const what =
    status === 402
      ? "Callbell refused a send because the WhatsApp wallet has no credit (402). Top it up in Callbell"
      : `Callbell refused a send with this API token (${status}). Check the token in Settings`;
  const after =
    attempts < SEND_MAX_ATTEMPTS
      ? `The rows it refused were not delivered: they go again then (attempt ${attempts} of ${SEND_MAX_ATTEMPTS}; ` +
        "a row refused that often is marked failed and the rest go on)."
      : `The row refused ${SEND_MAX_ATTEMPTS} times is marked failed; the rest go on.`;
  return `Paused by Bellhop: ${what}, then Resume. ${after}`;
}

const MAY_HAVE_LEFT =
  "Bellhop stopped while this message was being sent: it may or may not have gone out. Check the customer's " +
  "conversation in Callbell before sending it again.";

/**
 * A row left `sending` by a claim whose send was cut short, judged by its send record (`send`, the row's history
 * entry, if any), which is written before a request leaves:
 * - no record of this attempt: nothing left, so the row waits again. When the claimer died the attempt is given back;
 *   when the send threw here (`threw`), the attempt counts and the row waits a while, or a lasting fault would loop.
 * - a record still `sending` or `unknown`: a request may have left, so `unknown`, never sent again;
 * - a record with an outcome: the row takes it, as if its send had answered.
 */
export function interruptedRecipientOutcome(
  row: Pick<RecipientRow, "attempts">,
  send: SendRow | undefined,
  now: number,
  threw = false,
): RecipientOutcome {
  // A record of an earlier attempt that delivered nothing is not this attempt's: it is reopened when one leaves.
  const recorded = send !== undefined && (send.attempts >= row.attempts || !mayTryRowAgain(send));
  if (!recorded) {
    const kept = { sendId: send?.id ?? null, callbellUuid: null };
    if (!threw)
      return { state: "waiting", attempts: row.attempts - 1, notBefore: null, error: null, ...kept };
    const error = "Bellhop failed before this message left";
    if (row.attempts >= SEND_MAX_ATTEMPTS)
      return { state: "failed", error: `${error} (after ${row.attempts} attempts)`, ...kept };
    return { state: "waiting", notBefore: new Date(now + laterRetryDelayMs(row.attempts)), error, ...kept };
  }
  const result = resultFromRow(send);
  if (!result) return { state: "unknown", sendId: send.id, callbellUuid: null, error: MAY_HAVE_LEFT };
  const { state, sendId, callbellUuid, error, notBefore } = recipientOutcome(result, row.attempts, now);
  return { state, sendId, callbellUuid, error, notBefore };
}
