import "server-only";
import { countRecipientsByState, findBroadcast } from "@/lib/db/broadcast-queries";
import { countRecipientsFinishedSince, rowGroupsOf } from "@/lib/db/broadcast-report-queries";
import type { Database } from "@/lib/db/client";
import type { BroadcastState, RecipientState } from "@/lib/db/schema";
import { currentRate as rateOf, RATE_WINDOW_MS } from "./limits";
import { countRows, sentByDelivery, type RowCounts } from "./row-counts";
import { describeSendingHours, nextSendingTime, parseSendingHours } from "./sending-hours";

/** What the progress page shows, polled every second. */
export type BroadcastProgress = {
  id: number;
  name: string;
  state: BroadcastState;
  templateTitle: string | null;
  createdAt: string;
  createdByEmail: string | null;
  /** Who started it: they (or an admin) may pause, resume or cancel it. */
  createdById: string | null;
  ratePerSecond: number;
  retryOfId: number | null;
  total: number;
  /** Rows per state of the dispatch itself (waiting, sending, enqueued…): for tools; the pages show `rows`. */
  counts: Partial<Record<RecipientState, number>>;
  /** Rows by outcome (row-counts.ts), as every page counts them. */
  rows: RowCounts;
  /** The sent rows by what Callbell last reported of them (row-counts.ts): they add up to `rows.sent`. */
  deliveries: Partial<Record<string, number>>;
  /** Rows done (any outcome but waiting): `rows.done`. */
  done: number;
  /** Rows finished per second over the last 10 seconds; null unless the broadcast is running. */
  currentRate: number | null;
  /** At the current rate (or the configured one, when nothing moved yet); null when nothing is left. */
  secondsLeft: number | null;
  /** When a broadcast started later starts (or started), UTC, and the zone it was chosen in; null for one started at once. */
  scheduledFor: string | null;
  scheduledZone: string | null;
  /** The hours it may send in, in words ("09:00–20:00 Europe/Madrid, Mon–Fri"); null for any time. */
  sendingHours: string | null;
  /** Running but outside its sending hours: when they open again (it goes on by itself then). */
  waitingUntil: string | null;
  /** Why it stands where it does, when the state alone does not say (a missed start). */
  stateNote: string | null;
};

export async function broadcastProgress(
  db: Database,
  id: number,
  now = Date.now(),
): Promise<BroadcastProgress | null> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const [counts, groups, recent] = await Promise.all([
    countRecipientsByState(db, id),
    rowGroupsOf(db, [id]),
    // Only rows finished since it last started or resumed: those before a pause are not of the pace now.
    countRecipientsFinishedSince(
      db,
      id,
      new Date(Math.max(now - RATE_WINDOW_MS, broadcast.updatedAt.getTime())),
    ),
  ]);
  const rows = countRows(groups);
  const left = rows.waiting;
  const running = broadcast.state === "running";
  // Running since it started or was last resumed: its last change of state.
  // Never above the configured pace, which the dispatcher keeps: a few seconds' rows counted with both ends in (5 rows
  // in 4 s at 1 a second), or rows refused at once, would read faster and promise an early end.
  const currentRate = Math.min(rateOf(recent, broadcast.updatedAt.getTime(), now), broadcast.ratePerSecond);
  const pace = currentRate > 0 ? currentRate : broadcast.ratePerSecond;
  const hours = parseSendingHours(broadcast.sendingHours);
  const opens = running && left > 0 ? nextSendingTime(hours, now) : now;
  // Waiting for its sending hours, it has no pace now, and no end to count down to.
  const sending = running && opens === now;
  return {
    id,
    name: broadcast.name,
    state: broadcast.state,
    templateTitle: broadcast.templateTitle,
    createdAt: broadcast.createdAt.toISOString(),
    createdByEmail: broadcast.createdByEmail,
    createdById: broadcast.createdById,
    ratePerSecond: broadcast.ratePerSecond,
    retryOfId: broadcast.retryOfId,
    total: broadcast.totalRows,
    counts,
    rows,
    deliveries: sentByDelivery(groups),
    done: rows.done,
    // A paused or finished broadcast has no pace now: the last seconds' sends are history, not a rate.
    currentRate: sending ? currentRate : null,
    secondsLeft: left === 0 || !sending ? null : Math.ceil(left / pace),
    scheduledFor: broadcast.scheduledFor?.toISOString() ?? null,
    scheduledZone: broadcast.scheduledZone,
    sendingHours: hours && describeSendingHours(hours),
    waitingUntil: opens === now ? null : opens === null ? null : new Date(opens).toISOString(),
    stateNote: broadcast.stateNote,
  };
}
