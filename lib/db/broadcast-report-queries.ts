/** What a broadcast's pages read: its rows per state, its delivery statuses, its pace, and its report. */
import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import type { Database } from "./client";
import { broadcastRecipients, sends, type RecipientRow, type RecipientState } from "./schema";

/** Rows per state of several broadcasts in one query (the broadcast list), by broadcast id. */
export async function countRecipientsByBroadcast(
  db: Database,
  broadcastIds: number[],
): Promise<Map<number, Partial<Record<RecipientState, number>>>> {
  const counts = new Map<number, Partial<Record<RecipientState, number>>>();
  if (broadcastIds.length === 0) return counts;
  const rows = await db
    .select({
      broadcastId: broadcastRecipients.broadcastId,
      state: broadcastRecipients.state,
      value: count(),
    })
    .from(broadcastRecipients)
    .where(inArray(broadcastRecipients.broadcastId, broadcastIds))
    .groupBy(broadcastRecipients.broadcastId, broadcastRecipients.state);
  for (const row of rows) {
    const of = counts.get(row.broadcastId) ?? {};
    of[row.state] = row.value;
    counts.set(row.broadcastId, of);
  }
  return counts;
}

/** Delivery statuses of a broadcast's messages, as Callbell reports them (from the history). */
export async function countBroadcastDeliveries(
  db: Database,
  broadcastId: number,
): Promise<Partial<Record<string, number>>> {
  const rows = await db
    .select({ status: sends.status, value: count() })
    .from(sends)
    .where(eq(sends.broadcastId, broadcastId))
    .groupBy(sends.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.value]));
}

/** Rows finished (enqueued, failed or unknown) since a moment: the broadcast's recent rate. */
export async function countRecipientsFinishedSince(db: Database, broadcastId: number, since: Date) {
  const [row] = await db
    .select({ value: count() })
    .from(broadcastRecipients)
    .where(
      and(
        eq(broadcastRecipients.broadcastId, broadcastId),
        inArray(broadcastRecipients.state, ["enqueued", "failed", "unknown"]),
        gt(broadcastRecipients.updatedAt, since),
      ),
    );
  return row?.value ?? 0;
}

/** A row of a broadcast's report: the row, its dispatch state, and its message's delivery status from the history. */
export type RecipientReportRow = Pick<
  RecipientRow,
  | "id"
  | "rowNumber"
  | "phone"
  | "values"
  | "mediaUrl"
  | "state"
  | "error"
  | "callbellUuid"
  | "sendId"
  | "attempts"
> & { deliveryStatus: string | null; deliveryReason: string | null };

/**
 * Rows the report shows in `state` (report.ts's `reportStatus`): a row enqueued that Callbell later reported failed is
 * shown, and filtered, as failed.
 */
function shownAs(state: RecipientState): SQL | undefined {
  const deliveryFailed = and(eq(broadcastRecipients.state, "enqueued"), eq(sends.status, "failed"));
  if (state === "failed") return or(eq(broadcastRecipients.state, "failed"), deliveryFailed);
  if (state === "enqueued") {
    return and(
      eq(broadcastRecipients.state, "enqueued"),
      or(isNull(sends.status), ne(sends.status, "failed")),
    );
  }
  return eq(broadcastRecipients.state, state);
}

/** A broadcast's report rows, in list order; `state` filters them as the report shows them. */
export async function listRecipientReport(
  db: Database,
  broadcastId: number,
  options: { state?: RecipientState; afterId?: number; limit?: number } = {},
): Promise<RecipientReportRow[]> {
  return db
    .select({
      id: broadcastRecipients.id,
      rowNumber: broadcastRecipients.rowNumber,
      phone: broadcastRecipients.phone,
      values: broadcastRecipients.values,
      mediaUrl: broadcastRecipients.mediaUrl,
      state: broadcastRecipients.state,
      error: broadcastRecipients.error,
      callbellUuid: broadcastRecipients.callbellUuid,
      sendId: broadcastRecipients.sendId,
      attempts: broadcastRecipients.attempts,
      deliveryStatus: sends.status,
      deliveryReason: sends.statusReason,
    })
    .from(broadcastRecipients)
    .leftJoin(sends, eq(sends.id, broadcastRecipients.sendId))
    .where(
      and(
        eq(broadcastRecipients.broadcastId, broadcastId),
        options.state ? shownAs(options.state) : undefined,
        options.afterId ? gt(broadcastRecipients.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(broadcastRecipients.id))
    .limit(options.limit ?? 100);
}
