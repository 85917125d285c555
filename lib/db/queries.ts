import "server-only";
import { and, count, desc, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "./client";
import { sends, settings, user, type SendRow, type SendStatus } from "./schema";

export type NewSend = Pick<
  SendRow,
  | "idempotencyKey"
  | "recipient"
  | "platform"
  | "messageType"
  | "channelUuid"
  | "templateUuid"
  | "templateTitle"
  | "requestBody"
  | "senderId"
  | "senderEmail"
>;

/**
 * Records a send before it leaves, with status `sending`. When the idempotency key is already known, nothing is
 * inserted and the existing row comes back, so a repeated attempt can never call Callbell a second time.
 */
export async function recordSendAttempt(
  db: Database,
  send: NewSend,
  now = new Date(),
): Promise<{ created: boolean; row: SendRow }> {
  const inserted = await db
    .insert(sends)
    .values({ ...send, status: "sending", createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: sends.idempotencyKey })
    .returning();
  if (inserted[0]) return { created: true, row: inserted[0] };
  const existing = await findSendByIdempotencyKey(db, send.idempotencyKey);
  if (!existing) throw new Error("A send with this idempotency key vanished while it was being recorded");
  return { created: false, row: existing };
}

export async function findSendByIdempotencyKey(db: Database, key: string): Promise<SendRow | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.idempotencyKey, key)).limit(1);
  return rows[0];
}

export async function findSendById(db: Database, id: number): Promise<SendRow | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.id, id)).limit(1);
  return rows[0];
}

export type SendOutcome = {
  status: Extract<SendStatus, "enqueued" | "rejected" | "unknown">;
  callbellUuid?: string | null;
  responseBody?: string | null;
  errorMessage?: string | null;
  errorStatus?: number | null;
  contactName?: string | null;
};

/** Writes what Callbell answered; only a row still `sending` takes an outcome. */
export async function recordSendOutcome(db: Database, id: number, outcome: SendOutcome, now = new Date()) {
  await db
    .update(sends)
    .set({ ...outcome, updatedAt: now })
    .where(and(eq(sends.id, id), eq(sends.status, "sending")));
}

/** At start no send can still be in flight: whatever was `sending` when the process stopped is `unknown`. */
export async function markInterruptedSendsUnknown(db: Database, now = new Date()): Promise<number> {
  const rows = await db
    .update(sends)
    .set({
      status: "unknown",
      errorMessage: "Bellhop stopped while this message was being sent: it may or may not have gone out",
      updatedAt: now,
    })
    .where(eq(sends.status, "sending"))
    .returning({ id: sends.id });
  return rows.length;
}

export const HISTORY_PAGE_SIZE = 50;

export type HistoryPage = { rows: SendRow[]; nextCursor: number | null };

/** Newest first, keyset-paged by id (ids grow with time), so a page costs the same however deep it is. */
export async function listSends(
  db: Database,
  options: { cursor?: number | null; limit?: number } = {},
): Promise<HistoryPage> {
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const rows = await db
    .select()
    .from(sends)
    .where(options.cursor ? lt(sends.id, options.cursor) : undefined)
    .orderBy(desc(sends.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** How many accounts exist: none means the one-time setup is open. */
export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(user);
  return row?.value ?? 0;
}

export type AccountRow = Pick<
  typeof user.$inferSelect,
  "id" | "email" | "name" | "role" | "banned" | "createdAt"
>;

/** Every account, oldest first, for the admins' user list. */
export async function listAccounts(db: Database): Promise<AccountRow[]> {
  return db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      banned: user.banned,
      createdAt: user.createdAt,
    })
    .from(user)
    .orderBy(user.createdAt);
}

/** Every stored setting by key, with when and by whom it was last changed. */
export async function readSettings(
  db: Database,
): Promise<Partial<Record<string, { value: string; updatedAt: Date; updatedBy: string | null }>>> {
  const rows = await db.select().from(settings);
  return Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));
}

/** Sets (a string) or removes (null) several settings at once: all of them change, or none. */
export async function writeSettings(
  db: Database,
  values: Record<string, string | null>,
  updatedBy: string,
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const removed = Object.keys(values).filter((key) => values[key] === null);
    if (removed.length > 0) await tx.delete(settings).where(inArray(settings.key, removed));
    for (const [key, value] of Object.entries(values)) {
      if (value === null) continue;
      await tx
        .insert(settings)
        .values({ key, value, updatedAt: now, updatedBy })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy } });
    }
  });
}
