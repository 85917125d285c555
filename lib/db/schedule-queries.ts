/**
 * Messages sent later (issue 22): a history row `scheduled` from the moment an agent chooses a time, claimed by one
 * instance when it comes due, moved to `sending` just before its request leaves, and changed or cancelled by an agent
 * only while no live instance is firing it.
 */
import "server-only";
import { and, asc, eq, lt, lte, min, sql } from "drizzle-orm";
import type { Database } from "./client";
import { claimerIsGone, instanceId } from "./cluster-queries";
import { skipLockedRows } from "./dialect-sql";
import { broadcasts, sends, type SendRow } from "./schema";
import { insertSendOnce, type NewSend } from "./send-queries";

export type NewScheduledSend = NewSend & {
  scheduledFor: Date;
  /** The IANA zone the agent chose the time in (`Europe/Madrid`): the time is shown in it. */
  scheduledZone: string;
  /** The compose form as JSON: validated again, and its request built again, when the message fires. */
  scheduledForm: string;
};

/**
 * Records a message to send later, `scheduled`. A repeated idempotency key (a double click) finds the first row and
 * inserts nothing.
 */
export async function recordScheduledSend(
  db: Database,
  send: NewScheduledSend,
  now = new Date(),
): Promise<{ created: boolean; row: SendRow }> {
  return insertSendOnce(db, {
    ...send,
    status: "scheduled",
    claimedBy: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** When the earliest scheduled message and the earliest scheduled broadcast come due (null: none is scheduled). */
export type NextScheduled = { sends: Date | null; broadcasts: Date | null };

/**
 * When the earliest scheduled message and broadcast come due: the scheduler's one read a tick while nothing is due,
 * one statement for both (each minimum read from its `(state, scheduled_for)` index).
 */
export async function nextScheduled(db: Database): Promise<NextScheduled> {
  const rows = await db
    .select({ kind: sql<string>`'sends'`, at: min(sends.scheduledFor) })
    .from(sends)
    .where(eq(sends.status, "scheduled"))
    .unionAll(
      db
        .select({ kind: sql<string>`'broadcasts'`, at: min(broadcasts.scheduledFor) })
        .from(broadcasts)
        .where(eq(broadcasts.state, "scheduled")),
    );
  const at = (kind: string) => rows.find((row) => row.kind === kind)?.at ?? null;
  return { sends: at("sends"), broadcasts: at("broadcasts") };
}

/** The earlier of `nextScheduled`'s two times, or null when nothing is scheduled. */
export async function nextScheduledAt(db: Database): Promise<Date | null> {
  const { sends: sendsAt, broadcasts: broadcastsAt } = await nextScheduled(db);
  if (!sendsAt || !broadcastsAt) return sendsAt ?? broadcastsAt;
  return sendsAt < broadcastsAt ? sendsAt : broadcastsAt;
}

/** Nobody alive is firing the row: unclaimed, or claimed by an instance that is gone. */
const notBeingFired = (instance: string, now: number) => claimerIsGone(sends.claimedBy, instance, now);

/**
 * Marks `missed` the scheduled messages that came due before `dueBefore` (now minus the late limit) and that nobody
 * alive is firing: Bellhop was down at their time, and sending them this late, silently, would surprise the customer.
 */
export async function markMissedScheduledSends(
  db: Database,
  dueBefore: Date,
  message: string,
  now = new Date(),
  instance = instanceId(),
): Promise<number> {
  const rows = await db
    .update(sends)
    .set({ status: "missed", errorMessage: message, claimedBy: null, updatedAt: now })
    .where(
      and(
        eq(sends.status, "scheduled"),
        lt(sends.scheduledFor, dueBefore),
        notBeingFired(instance, now.getTime()),
      ),
    )
    .returning({ id: sends.id });
  return rows.length;
}

/**
 * Claims the earliest due scheduled message for this instance, or none. One statement, so two instances never claim
 * the same row; the row stays `scheduled` (nothing has left) until `startScheduledSend`.
 */
export async function claimDueScheduledSend(
  db: Database,
  now = new Date(),
  instance = instanceId(),
): Promise<SendRow | undefined> {
  const next = skipLockedRows(
    db
      .select({ id: sends.id })
      .from(sends)
      .where(
        and(
          eq(sends.status, "scheduled"),
          lte(sends.scheduledFor, now),
          notBeingFired(instance, now.getTime()),
        ),
      )
      .orderBy(asc(sends.scheduledFor), asc(sends.id))
      .limit(1),
  );
  const rows = await db
    .update(sends)
    .set({ claimedBy: instance, updatedAt: now })
    .where(
      and(
        // `= (subquery)`, as claimNextRecipient: run once on PostgreSQL.
        sql`${sends.id} = (${next})`,
        eq(sends.status, "scheduled"),
        notBeingFired(instance, now.getTime()),
      ),
    )
    .returning();
  return rows[0];
}

/** What firing writes on the row, built again from the stored form: the request and what it is sent to. */
export type FiredRequest = Pick<
  SendRow,
  "requestBody" | "recipient" | "channelUuid" | "templateUuid" | "templateTitle" | "templateValueCount"
>;

/**
 * Moves a claimed message to `sending` just before its request leaves. Undefined when the claim is not this
 * instance's any more, or an agent cancelled it first: then nothing is sent.
 */
export async function startScheduledSend(
  db: Database,
  id: number,
  request: FiredRequest,
  now = new Date(),
  instance = instanceId(),
): Promise<SendRow | undefined> {
  const rows = await db
    .update(sends)
    .set({ ...request, status: "sending", updatedAt: now })
    .where(and(eq(sends.id, id), eq(sends.status, "scheduled"), eq(sends.claimedBy, instance)))
    .returning();
  return rows[0];
}

/** A claimed message that cannot go now: `not_sent` with the reason (refused when it fired), or back to the queue. */
export async function settleClaimedScheduledSend(
  db: Database,
  id: number,
  outcome: { refused: string } | { retry: true },
  now = new Date(),
  instance = instanceId(),
): Promise<void> {
  await db
    .update(sends)
    .set(
      "refused" in outcome
        ? { status: "not_sent", errorMessage: outcome.refused, claimedBy: null, updatedAt: now }
        : { claimedBy: null, updatedAt: now },
    )
    .where(and(eq(sends.id, id), eq(sends.status, "scheduled"), eq(sends.claimedBy, instance)));
}

/** An agent's change before it fires: a new time (with its zone), now, or cancelled. */
export type ScheduleChange =
  { kind: "reschedule"; at: Date; zone: string } | { kind: "send-now" } | { kind: "cancel" };

/**
 * Applies an agent's change to a scheduled message, only while it is still `scheduled` and no live instance is firing
 * it; the row as changed, or undefined when it was too late.
 */
export async function changeScheduledSend(
  db: Database,
  id: number,
  change: ScheduleChange,
  now = new Date(),
  instance = instanceId(),
): Promise<SendRow | undefined> {
  const set =
    change.kind === "cancel"
      ? { status: "cancelled" as const, errorMessage: "Cancelled before it was sent" }
      : change.kind === "send-now"
        ? { scheduledFor: now }
        : { scheduledFor: change.at, scheduledZone: change.zone };
  const rows = await db
    .update(sends)
    .set({ ...set, updatedAt: now })
    .where(and(eq(sends.id, id), eq(sends.status, "scheduled"), notBeingFired(instance, now.getTime())))
    .returning();
  return rows[0];
}
