/** What a broadcast's pages read: its rows per state, its delivery statuses, its pace, and its report. */
import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, notInArray, or, type SQL } from "drizzle-orm";
import {
  countRows,
  DELIVERY_ACCEPTED,
  DELIVERY_CLASSES,
  DELIVERY_FAILURES,
  OUTCOME_OF,
  type DeliveryClass,
  type RowCounts,
  type RowGroup,
  type RowOutcome,
} from "@/lib/broadcasts/row-counts";
import type { Database } from "./client";
import { RECIPIENT_STATES } from "./constants";
import { broadcastRecipients, sends, type RecipientRow } from "./schema";

/** Rows by state and delivery status of several broadcasts in one query, the input of row-counts.ts's counts. */
export async function rowGroupsOf(
  db: Database,
  broadcastIds: number[],
): Promise<(RowGroup & { broadcastId: number })[]> {
  if (broadcastIds.length === 0) return [];
  return db
    .select({
      broadcastId: broadcastRecipients.broadcastId,
      state: broadcastRecipients.state,
      deliveryStatus: sends.status,
      rows: count(),
    })
    .from(broadcastRecipients)
    .leftJoin(sends, eq(sends.id, broadcastRecipients.sendId))
    .where(inArray(broadcastRecipients.broadcastId, broadcastIds))
    .groupBy(broadcastRecipients.broadcastId, broadcastRecipients.state, sends.status);
}

/** Rows by outcome (lib/broadcasts/row-counts.ts) of several broadcasts (the broadcast list), by id. */
export async function countRowsByBroadcast(
  db: Database,
  broadcastIds: number[],
): Promise<Map<number, RowCounts>> {
  const groups = await rowGroupsOf(db, broadcastIds);
  return new Map(
    broadcastIds.map((id) => [id, countRows(groups.filter((group) => group.broadcastId === id))]),
  );
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

/** What Callbell said of a row's message (row-counts.ts's `deliveryClass`), in SQL. */
function deliveryIs(kind: DeliveryClass): SQL | undefined {
  if (kind === "failure") return inArray(sends.status, [...DELIVERY_FAILURES]);
  if (kind === "accepted") return inArray(sends.status, [...DELIVERY_ACCEPTED]);
  return or(isNull(sends.status), notInArray(sends.status, [...DELIVERY_FAILURES, ...DELIVERY_ACCEPTED]));
}

/** The rows whose outcome is `outcome`, read off row-counts.ts's `OUTCOME_OF`, so the filter cannot drift from it. */
export function outcomeIs(outcome: RowOutcome): SQL | undefined {
  const terms: (SQL | undefined)[] = [];
  for (const state of RECIPIENT_STATES) {
    const kinds = DELIVERY_CLASSES.filter((kind) => OUTCOME_OF[state][kind] === outcome);
    if (kinds.length === DELIVERY_CLASSES.length) terms.push(eq(broadcastRecipients.state, state));
    else if (kinds.length > 0) {
      terms.push(and(eq(broadcastRecipients.state, state), or(...kinds.map(deliveryIs))));
    }
  }
  return or(...terms);
}

/** A broadcast's report rows, in list order; `outcome` filters them as every count counts them. */
export async function listRecipientReport(
  db: Database,
  broadcastId: number,
  options: { outcome?: RowOutcome; afterId?: number; limit?: number } = {},
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
        options.outcome ? outcomeIs(options.outcome) : undefined,
        options.afterId ? gt(broadcastRecipients.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(broadcastRecipients.id))
    .limit(options.limit ?? 100);
}
