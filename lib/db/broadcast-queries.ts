import "server-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNull,
  lte,
  min,
  notExists,
  or,
  sql,
} from "drizzle-orm";
import type { Database } from "./client";
import { claimerIsGone, instanceId } from "./cluster-queries";
import { skipLockedRows } from "./dialect-sql";
import { preparedOnce, valueOf, written, writtenValues } from "./prepared";
import {
  broadcastRecipients,
  broadcasts,
  type BroadcastRow,
  type RecipientRow,
  type RecipientState,
} from "./schema";

/** When to start and when it may send: optional, for a broadcast that starts at once at any hour. */
type BroadcastTiming = "scheduledFor" | "scheduledZone" | "sendingHours";

export type NewBroadcast = Omit<
  BroadcastRow,
  | "id"
  | "createdAt"
  | "updatedAt"
  | "state"
  | "totalRows"
  | "startedAt"
  | "finishedAt"
  | "idempotencyKey"
  | "stateNote"
  | BroadcastTiming
> & { idempotencyKey?: string | null } & Partial<Pick<BroadcastRow, BroadcastTiming>>;
export type NewRecipient = Pick<RecipientRow, "rowNumber" | "phone" | "values" | "mediaUrl">;

/**
 * Stores the broadcast and its whole frozen list in one transaction, before anything is sent. A broadcast whose
 * idempotency key is already stored is not stored again: the first one is returned, `repeated`.
 */
export async function createBroadcast(
  db: Database,
  broadcast: NewBroadcast,
  recipients: NewRecipient[],
  now = new Date(),
): Promise<BroadcastRow & { repeated: boolean }> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(broadcasts)
      .values({
        ...broadcast,
        // Started later: it waits, `scheduled`, for the scheduler to start it at its time.
        state: broadcast.scheduledFor ? "scheduled" : "running",
        totalRows: recipients.length,
        createdAt: now,
        updatedAt: now,
        startedAt: broadcast.scheduledFor ? null : now,
      })
      .onConflictDoNothing({ target: broadcasts.idempotencyKey })
      .returning();
    if (!created) {
      const [first] = await tx
        .select()
        .from(broadcasts)
        .where(eq(broadcasts.idempotencyKey, broadcast.idempotencyKey ?? ""))
        .limit(1);
      if (!first) throw new Error("A broadcast with this idempotency key vanished while it was being stored");
      return { ...first, repeated: true };
    }
    for (let start = 0; start < recipients.length; start += 500) {
      await tx.insert(broadcastRecipients).values(
        recipients.slice(start, start + 500).map((recipient) => ({
          ...recipient,
          broadcastId: created.id,
          state: "waiting" as const,
          updatedAt: now,
        })),
      );
    }
    return { ...created, repeated: false };
  });
}

export async function findBroadcastByIdempotencyKey(
  db: Database,
  key: string,
): Promise<BroadcastRow | undefined> {
  const rows = await db.select().from(broadcasts).where(eq(broadcasts.idempotencyKey, key)).limit(1);
  return rows[0];
}

export async function findBroadcast(db: Database, id: number): Promise<BroadcastRow | undefined> {
  const rows = await db.select().from(broadcasts).where(eq(broadcasts.id, id)).limit(1);
  return rows[0];
}

export async function listBroadcasts(db: Database, limit = 100): Promise<BroadcastRow[]> {
  return db.select().from(broadcasts).orderBy(desc(broadcasts.id)).limit(limit);
}

/**
 * Claims the next waiting row of a broadcast (the oldest, whose retry time has come) by moving it to `sending` in one
 * statement: whoever runs it, a row is claimed once, and only while the broadcast is running (a pause or cancel that
 * lands between the dispatcher's check and its claim still stops it).
 */
export async function claimNextRecipient(
  db: Database,
  broadcastId: number,
  now = new Date(),
  instance = instanceId(),
): Promise<RecipientRow | undefined> {
  const claim = preparedOnce(db, "claimNextRecipient", () => {
    const broadcastId = sql.placeholder("broadcastId");
    const next = skipLockedRows(
      db
        .select({ id: broadcastRecipients.id })
        .from(broadcastRecipients)
        .where(
          and(
            eq(broadcastRecipients.broadcastId, broadcastId),
            eq(broadcastRecipients.state, "waiting"),
            or(
              isNull(broadcastRecipients.notBefore),
              lte(broadcastRecipients.notBefore, valueOf("now", broadcastRecipients.notBefore)),
            ),
          ),
        )
        .orderBy(asc(broadcastRecipients.id))
        .limit(1),
    );
    return db
      .update(broadcastRecipients)
      .set({
        state: "sending",
        attempts: sql`${broadcastRecipients.attempts} + 1`,
        claimedBy: written<string>("instance"),
        updatedAt: written<Date>("now"),
      })
      .where(
        and(
          // `= (subquery)`, run once: PostgreSQL reruns an `IN (… LIMIT 1 FOR UPDATE SKIP LOCKED)` per candidate row
          // and can then claim nothing while rows wait.
          sql`${broadcastRecipients.id} = (${next})`,
          eq(broadcastRecipients.state, "waiting"),
          exists(
            db
              .select({ id: broadcasts.id })
              .from(broadcasts)
              .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.state, "running"))),
          ),
        ),
      )
      .returning();
  });
  const rows = await claim.execute({ broadcastId, now, instance });
  return rows[0];
}

/**
 * Completes a running broadcast once no row waits or is in flight on any instance; true when it did. (Another
 * instance's rows in flight keep it running until they finish, or until that instance's lease expires and they
 * become unknown.)
 */
export async function completeBroadcastIfDone(db: Database, id: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(broadcasts)
    .set({ state: "completed", updatedAt: now, finishedAt: now })
    .where(
      and(
        eq(broadcasts.id, id),
        eq(broadcasts.state, "running"),
        notExists(
          db
            .select({ id: broadcastRecipients.id })
            .from(broadcastRecipients)
            .where(
              and(
                eq(broadcastRecipients.broadcastId, id),
                inArray(broadcastRecipients.state, ["waiting", "sending"]),
              ),
            ),
        ),
      ),
    )
    .returning({ id: broadcasts.id });
  return rows.length > 0;
}

/** When the earliest row put back for a later attempt may go; null when no row waits for a later time. */
export async function nextRetryAt(db: Database, broadcastId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(broadcastRecipients.notBefore) })
    .from(broadcastRecipients)
    .where(and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.state, "waiting")));
  return row?.at ?? null;
}

/** What a row becomes when its send is over (`attempts`: when a claim that sent nothing gives its attempt back). */
export type RecipientOutcome = Pick<RecipientRow, "sendId" | "callbellUuid" | "error"> & {
  state: Extract<RecipientState, "enqueued" | "failed" | "unknown" | "waiting">;
  notBefore?: Date | null;
  attempts?: number;
};

/** A row's outcome; only a row still `sending` takes one. */
export async function finishRecipient(db: Database, id: number, outcome: RecipientOutcome, now = new Date()) {
  const values = { ...outcome, updatedAt: now };
  const { shape, written: set } = writtenValues<Partial<RecipientRow>>(values);
  const finish = preparedOnce(db, `finishRecipient(${shape})`, () =>
    db
      .update(broadcastRecipients)
      .set(set)
      .where(
        and(
          eq(broadcastRecipients.id, sql.placeholder("finishedId")),
          eq(broadcastRecipients.state, "sending"),
        ),
      ),
  );
  await finish.execute({ ...values, finishedId: id });
}

/** Cancel: every row not yet claimed is never sent. */
export async function cancelWaitingRecipients(db: Database, broadcastId: number, now = new Date()) {
  await db
    .update(broadcastRecipients)
    .set({ state: "cancelled", updatedAt: now })
    .where(and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.state, "waiting")));
}

/**
 * Rows still `sending` whose instance is gone (stopped, killed, or its lease expired): their sends were cut short, and
 * `lib/broadcasts/interrupted-rows.ts` settles each by its send record. Run at start and then every few seconds.
 */
export async function listInterruptedRecipients(
  db: Database,
  now = new Date(),
  instance = instanceId(),
  limit = 500,
): Promise<RecipientRow[]> {
  return db
    .select()
    .from(broadcastRecipients)
    .where(
      and(
        eq(broadcastRecipients.state, "sending"),
        claimerIsGone(broadcastRecipients.claimedBy, instance, now.getTime()),
      ),
    )
    .orderBy(asc(broadcastRecipients.id))
    .limit(limit);
}

/** Settles an interrupted row, unless someone else has since (it is no longer `sending` by the same claimer). */
export async function settleInterruptedRecipient(
  db: Database,
  row: Pick<RecipientRow, "id" | "claimedBy">,
  outcome: RecipientOutcome,
  now = new Date(),
): Promise<boolean> {
  const settled = await db
    .update(broadcastRecipients)
    .set({ ...outcome, updatedAt: now })
    .where(
      and(
        eq(broadcastRecipients.id, row.id),
        eq(broadcastRecipients.state, "sending"),
        row.claimedBy === null
          ? isNull(broadcastRecipients.claimedBy)
          : eq(broadcastRecipients.claimedBy, row.claimedBy),
      ),
    )
    .returning({ id: broadcastRecipients.id });
  return settled.length > 0;
}

export async function countRecipientsByState(
  db: Database,
  broadcastId: number,
): Promise<Partial<Record<RecipientState, number>>> {
  const rows = await db
    .select({ state: broadcastRecipients.state, value: count() })
    .from(broadcastRecipients)
    .where(eq(broadcastRecipients.broadcastId, broadcastId))
    .groupBy(broadcastRecipients.state);
  return Object.fromEntries(rows.map((row) => [row.state, row.value]));
}

export async function listRecipients(
  db: Database,
  broadcastId: number,
  options: { state?: RecipientState; afterRow?: number; limit?: number } = {},
): Promise<RecipientRow[]> {
  return db
    .select()
    .from(broadcastRecipients)
    .where(
      and(
        eq(broadcastRecipients.broadcastId, broadcastId),
        options.state ? eq(broadcastRecipients.state, options.state) : undefined,
        options.afterRow ? gt(broadcastRecipients.id, options.afterRow) : undefined,
      ),
    )
    .orderBy(asc(broadcastRecipients.id))
    .limit(options.limit ?? 100);
}
