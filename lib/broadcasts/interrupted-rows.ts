/**
 * Rows whose send was cut short: in flight on an instance that died (kill -9, a crash, an expired lease), or whose
 * send threw here. Each is settled by its send record (`interruptedRecipientOutcome`): a claim that recorded nothing
 * goes back to `waiting` and is sent normally; one whose request may have left is `unknown`.
 */
import "server-only";
import {
  finishRecipient,
  listInterruptedRecipients,
  settleInterruptedRecipient,
} from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import { instanceId } from "@/lib/db/cluster-queries";
import type { RecipientRow, RecipientState, SendRow } from "@/lib/db/schema";
import { findSendByIdempotencyKey } from "@/lib/db/send-queries";
import { interruptedRecipientOutcome } from "./row-outcome";
import { legacyRecipientSendKey, recipientSendKey } from "./send-recipient";

/** The row's history entry, if its send was recorded. */
async function findRowSend(db: Database, row: RecipientRow): Promise<SendRow | undefined> {
  const send = await findSendByIdempotencyKey(db, recipientSendKey(row.broadcastId, row.id));
  if (send) return send;
  // Recorded before rows kept one entry: that key named the attempt, so the entry is this attempt's.
  const legacy = await findSendByIdempotencyKey(
    db,
    legacyRecipientSendKey(row.broadcastId, row.id, row.attempts),
  );
  return legacy && { ...legacy, attempts: row.attempts };
}

/** Settles the rows gone instances left in flight; returns how many became each state. */
export async function settleInterruptedRecipients(
  db: Database,
  now = new Date(),
  instance = instanceId(),
): Promise<Partial<Record<RecipientState, number>>> {
  const counts: Partial<Record<RecipientState, number>> = {};
  for (const row of await listInterruptedRecipients(db, now, instance)) {
    const outcome = interruptedRecipientOutcome(row, await findRowSend(db, row), now.getTime());
    if (await settleInterruptedRecipient(db, row, outcome, now))
      counts[outcome.state] = (counts[outcome.state] ?? 0) + 1;
  }
  return counts;
}

/** After this instance's send of `row` threw: the row by its send record, its attempt counted. */
export async function settleAfterThrow(db: Database, row: RecipientRow, now = new Date()) {
  const outcome = interruptedRecipientOutcome(row, await findRowSend(db, row), now.getTime(), true);
  await finishRecipient(db, row.id, outcome, now);
}
