/** Customers' messages (received_messages) and the sends they answer (sends.replied_at). */
import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "./client";
import { receivedMessages, sends, type ReceivedMessageRow, type SendStatus } from "./schema";

/** The statuses of a message Callbell has and did not report failed: only those can have been answered. */
export const ANSWERABLE_STATUSES = ["enqueued", "sent", "delivered", "read"] as const satisfies SendStatus[];

/** Which send a customer's message answers: one of `recipients`, made in [since, until], on `platform` if known. */
export type ReplyTarget = { recipients: string[]; platform: string | null; since: Date; until: Date };

/**
 * The latest send to the target's customer that Callbell has (and did not report failed), as a subquery. A message sent
 * later counts from its time (`scheduled_for`, which Send now moves to the moment it was pressed), not from when it was
 * scheduled: another message sent in between must not take its reply.
 */
function latestSendTo(db: Database, target: ReplyTarget) {
  return db
    .select({ id: sends.id })
    .from(sends)
    .where(
      and(
        inArray(sends.recipient, target.recipients),
        inArray(sends.status, [...ANSWERABLE_STATUSES]),
        // When it went: a message sent later left at its time (or when it was sent now), not when it was written.
        or(
          and(
            isNull(sends.scheduledFor),
            gte(sends.createdAt, target.since),
            lte(sends.createdAt, target.until),
          ),
          and(gte(sends.scheduledFor, target.since), lte(sends.scheduledFor, target.until)),
        ),
        target.platform ? eq(sends.platform, target.platform) : undefined,
      ),
    )
    .orderBy(desc(sql`coalesce(${sends.scheduledFor}, ${sends.createdAt})`), desc(sends.id))
    .limit(1);
}

export type NewReceivedMessage = Omit<ReceivedMessageRow, "id" | "sendId">;

/**
 * Keeps a received message, linked to the send it answers (found in the same statement: one write per message, which
 * is what a webhook at 200 events a second can afford); null when one with its dedupe key is kept already.
 */
export async function insertReceivedMessage(
  db: Database,
  message: NewReceivedMessage,
  target: ReplyTarget,
): Promise<{ id: number; sendId: number | null } | null> {
  const sendId = target.recipients.length > 0 ? sql<number | null>`(${latestSendTo(db, target)})` : null;
  const rows = await db
    .insert(receivedMessages)
    .values({ ...message, sendId })
    .onConflictDoNothing({ target: receivedMessages.dedupeKey })
    .returning({ id: receivedMessages.id, sendId: receivedMessages.sendId });
  return rows[0] ?? null;
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
