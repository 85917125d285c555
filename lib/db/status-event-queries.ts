/** Delivery statuses: events from webhooks and polls, the send's status they move, and when to poll next. */
import "server-only";
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "./client";
import { preparedOnce } from "./prepared";
import { sendEvents, sends, type SendEventRow, type SendRow, type SendStatus } from "./schema";

export type NewStatusEvent = Pick<
  SendEventRow,
  "callbellUuid" | "status" | "source" | "receivedAt" | "payload"
>;

/** Keeps an event; false when the same (uuid, status) is already kept, so a repeat is dropped. */
export async function insertStatusEvent(db: Database, event: NewStatusEvent): Promise<number | null> {
  const rows = await db
    .insert(sendEvents)
    .values(event)
    .onConflictDoNothing({ target: [sendEvents.callbellUuid, sendEvents.status] })
    .returning({ id: sendEvents.id });
  return rows[0]?.id ?? null;
}

export async function markStatusEventApplied(db: Database, id: number) {
  await db.update(sendEvents).set({ applied: true }).where(eq(sendEvents.id, id));
}

export async function listStatusEvents(db: Database, callbellUuid: string): Promise<SendEventRow[]> {
  const list = preparedOnce(db, "listStatusEvents", () =>
    db
      .select()
      .from(sendEvents)
      .where(eq(sendEvents.callbellUuid, sql.placeholder("callbellUuid")))
      .orderBy(asc(sendEvents.receivedAt), asc(sendEvents.id)),
  );
  return list.execute({ callbellUuid });
}

/**
 * Moves a send from one status to another, only if it is still in `from` (another event may have moved it since it
 * was read); true when it moved.
 */
export async function updateSendStatus(
  db: Database,
  id: number,
  change: { from: SendStatus; to: SendStatus; reason: string | null },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(sends)
    .set({
      status: change.to,
      statusUpdatedAt: now,
      updatedAt: now,
      ...(change.reason !== null ? { statusReason: change.reason } : {}),
    })
    .where(and(eq(sends.id, id), eq(sends.status, change.from)))
    .returning({ id: sends.id });
  return rows.length > 0;
}

/**
 * Sends the poller should ask about now: WhatsApp (Callbell reports no delivery status elsewhere), still moving,
 * younger than `since`, due, the longest-waiting first.
 */
export async function listSendsDueForPoll(
  db: Database,
  options: { statuses: readonly SendStatus[]; now: Date; since: Date; limit: number },
): Promise<Pick<SendRow, "id" | "callbellUuid" | "status" | "pollCount">[]> {
  return db
    .select({
      id: sends.id,
      callbellUuid: sends.callbellUuid,
      status: sends.status,
      pollCount: sends.pollCount,
    })
    .from(sends)
    .where(
      and(
        lte(sends.nextPollAt, options.now),
        inArray(sends.status, [...options.statuses]),
        gt(sends.createdAt, options.since),
        eq(sends.platform, "whatsapp"),
      ),
    )
    .orderBy(asc(sends.nextPollAt))
    .limit(options.limit);
}

/** After a poll: when to ask next (null: never again), and one more poll counted. */
export async function schedulePoll(db: Database, id: number, nextPollAt: Date | null, pollCount: number) {
  await db.update(sends).set({ nextPollAt, pollCount }).where(eq(sends.id, id));
}
