/** A send's own row: recorded before it leaves, found again, given Callbell's answer, or marked unknown. */
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "./client";
import { claimerIsGone, instanceId } from "./cluster-queries";
import { preparedOnce, writtenValues } from "./prepared";
import { sends, type SendRow, type SendStatus } from "./schema";

export type NewSend = Pick<
  SendRow,
  | "idempotencyKey"
  | "recipient"
  | "platform"
  | "messageType"
  | "channelUuid"
  | "templateUuid"
  | "templateTitle"
  | "templateValueCount"
  | "requestBody"
  | "senderId"
  | "senderEmail"
> &
  Partial<Pick<SendRow, "broadcastId" | "broadcastRowId" | "attempts">>;

/** Inserts a send unless its idempotency key is known: then nothing is inserted and the existing row comes back. */
export async function insertSendOnce(
  db: Database,
  values: typeof sends.$inferInsert,
): Promise<{ created: boolean; row: SendRow }> {
  const { shape, written } = writtenValues<typeof sends.$inferInsert>(values);
  const insert = preparedOnce(db, `insertSendOnce(${shape})`, () =>
    db.insert(sends).values(written).onConflictDoNothing({ target: sends.idempotencyKey }).returning(),
  );
  const inserted = await insert.execute(values);
  if (inserted[0]) return { created: true, row: inserted[0] };
  const existing = await findSendByIdempotencyKey(db, values.idempotencyKey);
  if (!existing) throw new Error("A send with this idempotency key vanished while it was being recorded");
  return { created: false, row: existing };
}

/**
 * Records a send before it leaves, with status `sending`. When the idempotency key is already known, nothing is
 * inserted and the existing row comes back, so a repeated attempt can never call Callbell a second time.
 */
export async function recordSendAttempt(
  db: Database,
  send: NewSend,
  now = new Date(),
): Promise<{ created: boolean; row: SendRow }> {
  return insertSendOnce(db, {
    ...send,
    status: "sending",
    claimedBy: instanceId(),
    createdAt: now,
    updatedAt: now,
  });
}

export async function findSendByIdempotencyKey(db: Database, key: string): Promise<SendRow | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.idempotencyKey, key)).limit(1);
  return rows[0];
}

export async function findSendById(db: Database, id: number): Promise<SendRow | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.id, id)).limit(1);
  return rows[0];
}

export async function findSendByCallbellUuid(db: Database, uuid: string): Promise<SendRow | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.callbellUuid, uuid)).limit(1);
  return rows[0];
}

/**
 * Opens a row whose last attempt delivered nothing (a 429, or not sent) for attempt `attempt`: back to `sending`,
 * claimed by this instance, the last attempt moved into `attemptLog`. One statement, so only one caller gets it;
 * undefined when the row is not in such a state any more, or already at that attempt.
 */
export async function reopenSendForAttempt(
  db: Database,
  id: number,
  attempt: number,
  attemptLog: string,
  now = new Date(),
): Promise<SendRow | undefined> {
  const rows = await db
    .update(sends)
    .set({
      status: "sending",
      attempts: attempt,
      attemptLog,
      claimedBy: instanceId(),
      errorMessage: null,
      errorStatus: null,
      responseBody: null,
      updatedAt: now,
    })
    .where(
      and(eq(sends.id, id), inArray(sends.status, ["rejected", "not_sent"]), lt(sends.attempts, attempt)),
    )
    .returning();
  return rows[0];
}

export type SendOutcome = {
  status: Extract<SendStatus, "enqueued" | "rejected" | "not_sent" | "unknown">;
  /** When the poller first asks Callbell about an enqueued message. */
  nextPollAt?: Date | null;
  callbellUuid?: string | null;
  responseBody?: string | null;
  errorMessage?: string | null;
  errorStatus?: number | null;
  contactName?: string | null;
};

/** Writes what Callbell answered; only a row still `sending` takes an outcome. */
export async function recordSendOutcome(db: Database, id: number, outcome: SendOutcome, now = new Date()) {
  const values = { ...outcome, updatedAt: now };
  const { shape, written } = writtenValues<Partial<SendRow>>(values);
  const record = preparedOnce(db, `recordSendOutcome(${shape})`, () =>
    db
      .update(sends)
      .set(written)
      .where(and(eq(sends.id, sql.placeholder("answeredId")), eq(sends.status, "sending"))),
  );
  await record.execute({ ...values, answeredId: id });
}

/**
 * A send still `sending` whose instance is gone (stopped, killed, or its lease expired) can no longer be answered: it
 * becomes `unknown`. Run at start and then every few seconds, by every instance.
 */
export async function markInterruptedSendsUnknown(
  db: Database,
  now = new Date(),
  instance = instanceId(),
): Promise<number> {
  const rows = await db
    .update(sends)
    .set({
      status: "unknown",
      errorMessage: "Bellhop stopped while this message was being sent: it may or may not have gone out",
      updatedAt: now,
    })
    .where(and(eq(sends.status, "sending"), claimerIsGone(sends.claimedBy, instance, now.getTime())))
    .returning({ id: sends.id });
  return rows.length;
}
