import "server-only";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { rowGroupsOf } from "@/lib/db/broadcast-report-queries";
import {
  broadcastActivitySpan,
  countRepliedByBroadcast,
  sendsAndRepliesOverTime,
} from "@/lib/db/broadcast-results-queries";
import type { Database } from "@/lib/db/client";
import { countRows, sentByDelivery } from "./row-counts";
import { buildTimeline, sliceSizeFor, type Timeline } from "./timeline";

/**
 * What a broadcast achieved, each a count of its recipients: sent (Callbell accepted it and did not report it
 * failed), delivered (delivered or read), read, replied (a customer answered it), failed (row-counts.ts's failed).
 * `replied` is null when Bellhop cannot know of replies (no webhook): the page says so rather than show 0.
 */
export type BroadcastResults = {
  recipients: number;
  sent: number;
  delivered: number;
  read: number;
  replied: number | null;
  failed: number;
  /** Sends and replies over time; null before the first message went. */
  timeline: Timeline | null;
};

/** The results of broadcast `id` (null: no such broadcast); `repliesKnown`: whether the webhook is set up. */
export async function broadcastResults(
  db: Database,
  id: number,
  repliesKnown: boolean,
): Promise<BroadcastResults | null> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const [groups, replied, span] = await Promise.all([
    rowGroupsOf(db, [id]),
    repliesKnown ? countRepliedByBroadcast(db, [id]) : null,
    broadcastActivitySpan(db, id),
  ]);
  const rows = countRows(groups);
  const delivery = sentByDelivery(groups);
  let timeline: Timeline | null = null;
  if (span.firstSend && span.lastSend) {
    const startMs = span.firstSend.getTime();
    const endMs = Math.max(span.lastSend.getTime(), repliesKnown ? (span.lastReply?.getTime() ?? 0) : 0);
    const sliceMs = sliceSizeFor(endMs - startMs);
    const counts = await sendsAndRepliesOverTime(db, id, startMs, sliceMs);
    timeline = buildTimeline(startMs, endMs, sliceMs, repliesKnown ? counts : { ...counts, replied: [] });
  }
  return {
    recipients: broadcast.totalRows,
    sent: rows.sent,
    delivered: (delivery.delivered ?? 0) + (delivery.read ?? 0),
    read: delivery.read ?? 0,
    replied: replied ? (replied.get(id) ?? 0) : null,
    failed: rows.failed,
    timeline,
  };
}
