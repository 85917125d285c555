/** Customers' messages (received_messages) and the sends they answer (sends.replied_at). */
import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, gt } from "drizzle-orm";
import type { Database } from "./client";
import { receivedMessages, sends, type ReceivedMessageRow, type SendStatus } from "./schema";

/** The statuses of a message Callbell has and did not report failed: only those can have been answered. */
export const ANSWERABLE_STATUSES = ["enqueued", "sent", "delivered", "read"] as const satisfies SendStatus[];

/**
 * The latest send to one of `recipients` made in [since, until] that Callbell has (and did not report failed), on
 * `platform` when it is known; null when there is none.
 */
export async function findReplyTarget(
  db: Database,
  options: { recipients: string[]; platform: string | null; since: Date; until: Date },
): Promise<number | null> {
  if (options.recipients.length === 0) return null;
  const rows = await db
    .select({ id: sends.id })
    .from(sends)
    .where(
      and(
        inArray(sends.recipient, options.recipients),
        inArray(sends.status, [...ANSWERABLE_STATUSES]),
        gte(sends.createdAt, options.since),
        lte(sends.createdAt, options.until),
        options.platform ? eq(sends.platform, options.platform) : undefined,
      ),
    )
    .orderBy(desc(sends.createdAt), desc(sends.id))
    .limit(1);
  return rows[0]?.id ?? null;
}

export type NewReceivedMessage = Omit<ReceivedMessageRow, "id">;

/** Keeps a received message; null when one with its dedupe key is kept already (a repeated delivery). */
export async function insertReceivedMessage(
  db: Database,
  message: NewReceivedMessage,
): Promise<number | null> {
  const rows = await db
    .insert(receivedMessages)
    .values(message)
    .onConflictDoNothing({ target: receivedMessages.dedupeKey })
    .returning({ id: receivedMessages.id });
  return rows[0]?.id ?? null;
}

export async function findReceivedMessageByKey(
  db: Database,
  dedupeKey: string,
): Promise<ReceivedMessageRow | undefined> {
  const rows = await db
    .select()
    .from(receivedMessages)
    .where(eq(receivedMessages.dedupeKey, dedupeKey))
    .limit(1);
  return rows[0];
}

/** Marks a send replied at `at`, unless an earlier reply is known: the first reply's time is the one kept. */
export async function markSendReplied(db: Database, sendId: number, at: Date) {
  await db
    .update(sends)
    .set({ repliedAt: at })
    .where(and(eq(sends.id, sendId), or(isNull(sends.repliedAt), gt(sends.repliedAt, at))));
}

/** The replies linked to a send, the first first. */
export async function listRepliesOfSend(db: Database, sendId: number): Promise<ReceivedMessageRow[]> {
  return db
    .select()
    .from(receivedMessages)
    .where(eq(receivedMessages.sendId, sendId))
    .orderBy(asc(receivedMessages.receivedAt), asc(receivedMessages.id))
    .limit(50);
}

/** How many customer messages Bellhop has kept, and how many of them answer none of its sends. */
export async function countReceivedMessages(db: Database): Promise<{ total: number; unlinked: number }> {
  const [total] = await db.select({ value: count() }).from(receivedMessages);
  const [unlinked] = await db
    .select({ value: count() })
    .from(receivedMessages)
    .where(isNull(receivedMessages.sendId));
  return { total: total?.value ?? 0, unlinked: unlinked?.value ?? 0 };
}
