import "server-only";
import { and, asc, eq, inArray, lt, lte } from "drizzle-orm";
import type { Database } from "./client";
import { broadcasts, type BroadcastRow, type BroadcastState } from "./schema";

export async function listBroadcastsInState(db: Database, state: BroadcastState): Promise<BroadcastRow[]> {
  return db.select().from(broadcasts).where(eq(broadcasts.state, state)).orderBy(asc(broadcasts.id));
}

/** Moves a broadcast to `to` only from one of `from`, with why (`note`: none by default); true when it moved. */
export async function changeBroadcastState(
  db: Database,
  id: number,
  from: readonly BroadcastState[],
  to: BroadcastState,
  now = new Date(),
  note: string | null = null,
): Promise<boolean> {
  const rows = await db
    .update(broadcasts)
    .set({
      state: to,
      stateNote: note,
      updatedAt: now,
      ...(to === "cancelled" || to === "completed" ? { finishedAt: now } : {}),
    })
    .where(and(eq(broadcasts.id, id), inArray(broadcasts.state, [...from])))
    .returning({ id: broadcasts.id });
  return rows.length > 0;
}

/**
 * A broadcast started later: what came due is started (or, due longer ago than the late limit, marked `missed` with
 * `missedNote`), each in one statement, so that of several instances only one moves a broadcast. Returns the ids of
 * those started and of those missed.
 */
export async function startDueBroadcasts(
  db: Database,
  now: Date,
  lateBefore: Date,
  missedNote: string,
): Promise<{ started: number[]; missed: number[] }> {
  const missed = await db
    .update(broadcasts)
    .set({ state: "missed", stateNote: missedNote, updatedAt: now })
    .where(and(eq(broadcasts.state, "scheduled"), lt(broadcasts.scheduledFor, lateBefore)))
    .returning({ id: broadcasts.id });
  const started = await db
    .update(broadcasts)
    .set({ state: "running", startedAt: now, updatedAt: now })
    .where(and(eq(broadcasts.state, "scheduled"), lte(broadcasts.scheduledFor, now)))
    .returning({ id: broadcasts.id });
  return { started: started.map((row) => row.id), missed: missed.map((row) => row.id) };
}

/** `Start now` on a scheduled (or missed) broadcast; true when it started. */
export async function startBroadcastNow(db: Database, id: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(broadcasts)
    .set({ state: "running", startedAt: now, updatedAt: now, stateNote: null })
    .where(and(eq(broadcasts.id, id), inArray(broadcasts.state, ["scheduled", "missed"])))
    .returning({ id: broadcasts.id });
  return rows.length > 0;
}

/** A new start time for a scheduled (or missed) broadcast; true when it was changed. */
export async function rescheduleBroadcast(
  db: Database,
  id: number,
  when: { at: Date; zone: string },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(broadcasts)
    .set({
      state: "scheduled",
      scheduledFor: when.at,
      scheduledZone: when.zone,
      stateNote: null,
      updatedAt: now,
    })
    .where(and(eq(broadcasts.id, id), inArray(broadcasts.state, ["scheduled", "missed"])))
    .returning({ id: broadcasts.id });
  return rows.length > 0;
}
