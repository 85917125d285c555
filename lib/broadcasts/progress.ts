import "server-only";
import { countRecipientsByState, findBroadcast } from "@/lib/db/broadcast-queries";
import { countBroadcastDeliveries, countRecipientsFinishedSince } from "@/lib/db/broadcast-report-queries";
import type { Database } from "@/lib/db/client";
import type { BroadcastState, RecipientState } from "@/lib/db/schema";

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
  /** Rows per state of the dispatch (waiting, sending, enqueued, failed, unknown, cancelled). */
  counts: Partial<Record<RecipientState, number>>;
  /** Delivery statuses of the sent messages, as Callbell reports them. */
  deliveries: Partial<Record<string, number>>;
  /** Rows done (any state but waiting and sending). */
  done: number;
  /** Rows finished per second over the last 10 seconds. */
  currentRate: number;
  /** At the current rate (or the configured one, when nothing moved yet); null when nothing is left. */
  secondsLeft: number | null;
};

const RATE_WINDOW_MS = 10_000;

export async function broadcastProgress(
  db: Database,
  id: number,
  now = Date.now(),
): Promise<BroadcastProgress | null> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const [counts, deliveries, recent] = await Promise.all([
    countRecipientsByState(db, id),
    countBroadcastDeliveries(db, id),
    countRecipientsFinishedSince(db, id, new Date(now - RATE_WINDOW_MS)),
  ]);
  const left = (counts.waiting ?? 0) + (counts.sending ?? 0);
  const currentRate = recent / (RATE_WINDOW_MS / 1000);
  const pace = currentRate > 0 ? currentRate : broadcast.ratePerSecond;
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
    deliveries,
    done: broadcast.totalRows - left,
    currentRate: Math.round(currentRate * 10) / 10,
    secondsLeft: left === 0 || broadcast.state !== "running" ? null : Math.ceil(left / pace),
  };
}
