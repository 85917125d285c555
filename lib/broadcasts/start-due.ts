/**
 * Broadcasts started later (issue 22): the scheduler's tick starts the ones that came due, in one statement each, and
 * hands them to this instance's dispatcher (the others pick them up on their heartbeat). One due longer ago than
 * `BELLHOP_LATE_LIMIT` (Bellhop was down) is `missed`, with a sentence saying so, never started silently late.
 */
import "server-only";
import { startDueBroadcasts } from "@/lib/db/broadcast-state-queries";
import type { Database } from "@/lib/db/client";
import { formatLateLimit } from "@/lib/format/duration";

/** What a missed broadcast says on its page and in the list. */
export function missedBroadcastNote(lateLimitMs: number): string {
  return (
    `Not started: Bellhop was not running at its start time, and it came due more than ${formatLateLimit(lateLimitMs)} ` +
    "ago (BELLHOP_LATE_LIMIT). Start it now or give it a new time."
  );
}

/** Starts what is due at `now`; returns how many started. */
export async function startBroadcastsDue(
  db: Database,
  now: Date,
  lateLimitMs: number,
  dispatch: (id: number) => void,
): Promise<number> {
  const { started } = await startDueBroadcasts(
    db,
    now,
    new Date(now.getTime() - lateLimitMs),
    missedBroadcastNote(lateLimitMs),
  );
  for (const id of started) dispatch(id);
  return started.length;
}
