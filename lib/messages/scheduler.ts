/**
 * The scheduler of messages sent later: one database read a tick while nothing is due; when something is, the late
 * ones beyond the limit are marked missed and the due ones claimed (one statement each, so two instances never fire the
 * same one) and fired, a bounded number a tick.
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import { claimDueScheduledSend, markMissedScheduledSends, nextScheduledAt } from "@/lib/db/schedule-queries";
import type { SendRow } from "@/lib/db/schema";
import type { FireOutcome } from "./send-later";

/** The default of `BELLHOP_LATE_LIMIT`: a message due longer ago than this when Bellhop gets to it is missed. */
export const DEFAULT_LATE_LIMIT_MS = 60 * 60 * 1000;

/** What a missed message says, in the history and on its detail page. */
export function missedMessage(lateLimitMs: number): string {
  const minutes = Math.round(lateLimitMs / 60_000);
  const limit = minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
  return (
    `Not sent: Bellhop was not running when it was due, and it came due more than ${limit} ago ` +
    "(BELLHOP_LATE_LIMIT). Send it again if it is still wanted."
  );
}

export type SchedulerDependencies = {
  db: () => Promise<Database>;
  fire: (row: SendRow) => Promise<FireOutcome>;
  lateLimitMs: number;
  /** The most messages fired in one tick: the pace, at one tick a second. */
  perTick: number;
  /** Starts the broadcasts that came due (and marks the late ones missed); how many started. */
  startBroadcasts?: (now: Date) => Promise<number>;
  now?: () => number;
  log?: (message: string) => void;
};

export type SchedulerTick = { fired: number; missed: number };

export function createScheduler(deps: SchedulerDependencies) {
  const now = deps.now ?? Date.now;
  let busy = false;

  async function tick(): Promise<SchedulerTick> {
    if (busy) return { fired: 0, missed: 0 };
    busy = true;
    try {
      const db = await deps.db();
      const at = now();
      await deps.startBroadcasts?.(new Date(at));
      const next = await nextScheduledAt(db);
      if (!next || next.getTime() > at) return { fired: 0, missed: 0 };
      const missed = await markMissedScheduledSends(
        db,
        new Date(at - deps.lateLimitMs),
        missedMessage(deps.lateLimitMs),
        new Date(at),
      );
      let fired = 0;
      while (fired < deps.perTick) {
        const row = await claimDueScheduledSend(db, new Date(at));
        if (!row) break;
        const outcome = await deps.fire(row);
        fired += 1;
        // Callbell's lists could not be read: the rest waits for the next tick rather than failing alike.
        if (outcome.kind === "retry") break;
      }
      return { fired, missed };
    } finally {
      busy = false;
    }
  }

  return {
    tick,
    /** Ticks every `intervalMs` (at once first: what came due while Bellhop was down is handled at start). */
    start(intervalMs = 1_000): () => void {
      const run = () =>
        void tick().catch((error: unknown) =>
          (deps.log ?? console.error)(`Bellhop: the scheduler failed: ${(error as Error)?.message ?? error}`),
        );
      run();
      const timer = setInterval(run, intervalMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
