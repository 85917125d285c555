/** A broadcast's results beyond its rows' outcomes: replies, sends and replies over time, and rows to follow up. */
import "server-only";
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, max, min, ne, sql } from "drizzle-orm";
import { DELIVERY_ACCEPTED } from "@/lib/broadcasts/row-counts";
import { outcomeIs } from "./broadcast-report-queries";
import type { Database } from "./client";
import { bucketOf } from "./dialect-sql";
import { broadcastRecipients, sends, type RecipientRow } from "./schema";

/** How many rows of each broadcast a customer answered (its send has a reply), by id. */
export async function countRepliedByBroadcast(db: Database, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: sends.broadcastId, value: count() })
    .from(sends)
    .where(and(inArray(sends.broadcastId, ids), isNotNull(sends.repliedAt)))
    .groupBy(sends.broadcastId);
  return new Map(rows.flatMap((row) => (row.id === null ? [] : [[row.id, row.value] as const])));
}

/** How many rows of each broadcast were read (a read message's row is always a sent one, row-counts.ts), by id. */
export async function countReadByBroadcast(db: Database, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: sends.broadcastId, value: count() })
    .from(sends)
    .where(and(inArray(sends.broadcastId, ids), eq(sends.status, "read")))
    .groupBy(sends.broadcastId);
  return new Map(rows.flatMap((row) => (row.id === null ? [] : [[row.id, row.value] as const])));
}

/** When a broadcast's first and last message went, and its last reply came (null: nothing yet). */
export async function broadcastActivitySpan(
  db: Database,
  id: number,
): Promise<{ firstSend: Date | null; lastSend: Date | null; lastReply: Date | null }> {
  const [row] = await db
    .select({
      firstSend: min(sends.createdAt),
      lastSend: max(sends.createdAt),
      lastReply: max(sends.repliedAt),
    })
    .from(sends)
    .where(and(eq(sends.broadcastId, id), inArray(sends.status, [...DELIVERY_ACCEPTED])));
  return {
    firstSend: row?.firstSend ?? null,
    lastSend: row?.lastSend ?? null,
    lastReply: row?.lastReply ?? null,
  };
}

export type Bucket = { bucket: number; count: number };

/** Grouped by the slice, named by its place: PostgreSQL takes an expression with its own parameters for another. */
const FIRST_COLUMN = sql`1`;

/**
 * A broadcast's messages Callbell has (and did not report failed) per slice of `sizeMs` from `startMs`, by when each
 * was sent; and its replied messages by when each was first answered.
 */
export async function sendsAndRepliesOverTime(
  db: Database,
  id: number,
  startMs: number,
  sizeMs: number,
): Promise<{ sent: Bucket[]; replied: Bucket[] }> {
  const accepted = and(eq(sends.broadcastId, id), inArray(sends.status, [...DELIVERY_ACCEPTED]));
  const sentBucket = bucketOf(sends.createdAt, startMs, sizeMs);
  const repliedBucket = bucketOf(sends.repliedAt, startMs, sizeMs);
  const [sent, replied] = await Promise.all([
    db.select({ bucket: sentBucket, count: count() }).from(sends).where(accepted).groupBy(FIRST_COLUMN),
    db
      .select({ bucket: repliedBucket, count: count() })
      .from(sends)
      .where(and(eq(sends.broadcastId, id), isNotNull(sends.repliedAt)))
      .groupBy(FIRST_COLUMN),
  ]);
  const numbers = (rows: { bucket: unknown; count: number }[]) =>
    rows.map((row) => ({ bucket: Number(row.bucket), count: row.count }));
  return { sent: numbers(sent), replied: numbers(replied) };
}

/** Which rows a follow-up sends to: those whose message was not read, or not answered. */
export const FOLLOW_UPS = ["unread", "unreplied"] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export type FollowUpRow = Pick<RecipientRow, "id" | "phone" | "values" | "mediaUrl">;

/**
 * Rows of a broadcast whose message Callbell accepted (the `sent` outcome of row-counts.ts) at or before `sentBefore`
 * and that, by now, were not read (`unread`; an answer counts as read) or not answered (`unreplied`), in list order.
 */
export async function listFollowUpRows(
  db: Database,
  broadcastId: number,
  options: { which: FollowUp; sentBefore: Date; afterId?: number; limit: number },
): Promise<FollowUpRow[]> {
  return db
    .select({
      id: broadcastRecipients.id,
      phone: broadcastRecipients.phone,
      values: broadcastRecipients.values,
      mediaUrl: broadcastRecipients.mediaUrl,
    })
    .from(broadcastRecipients)
    .innerJoin(sends, eq(sends.id, broadcastRecipients.sendId))
    .where(
      and(
        eq(broadcastRecipients.broadcastId, broadcastId),
        outcomeIs("sent"),
        lte(sends.createdAt, options.sentBefore),
        isNull(sends.repliedAt),
        options.which === "unread" ? ne(sends.status, "read") : undefined,
        options.afterId ? gt(broadcastRecipients.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(broadcastRecipients.id))
    .limit(options.limit);
}
