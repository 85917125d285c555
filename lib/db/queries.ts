import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lt, lte, max, sql, type SQL } from "drizzle-orm";
import {
  dateRange,
  looksLikeCallbellUuid,
  recipientNeedle,
  type HistoryFilters,
} from "@/lib/history/filters";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";
import { claimerIsGone, instanceId } from "./cluster-queries";
import { DIALECT } from "./dialect";
import {
  sendEvents,
  sends,
  session,
  settings,
  user,
  type SendEventRow,
  type SendRow,
  type SendStatus,
} from "./schema";

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
  Partial<Pick<SendRow, "broadcastId" | "broadcastRowId">>;

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
    .values({ ...send, status: "sending", claimedBy: instanceId(), createdAt: now, updatedAt: now })
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
  await db
    .update(sends)
    .set({ ...outcome, updatedAt: now })
    .where(and(eq(sends.id, id), eq(sends.status, "sending")));
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

export const HISTORY_PAGE_SIZE = 50;

export type HistoryPage = { rows: SendRow[]; nextCursor: number | null };

/**
 * The WHERE of a filtered history; the same for the page, the counts and the export.
 *
 * With a status, the search goes through the status index alone: it holds every filter column, so rows that fail the
 * other filters are skipped inside the index, never read from the table. The other columns are written `+column`
 * there, which keeps SQLite from choosing their own narrower indexes (it would then read the table for each candidate:
 * 16 ms instead of 2 for five filters that match nothing among 100,000 sends). PostgreSQL plans for itself (and has
 * no unary plus for text), so there the columns stay bare.
 */
function historyWhere(filters: HistoryFilters, options: { ignoreStatus?: boolean } = {}): SQL | undefined {
  const { start, end } = dateRange(filters);
  const byStatus = Boolean(filters.status && !options.ignoreStatus);
  const hint = byStatus && DIALECT === "sqlite";
  const column = <T extends AnySQLiteColumn>(target: T) => (hint ? sql`+${target}` : target);
  const equals = <T extends AnySQLiteColumn>(target: T, value: string) =>
    hint ? sql`+${target} = ${value}` : eq(target, value);
  // A raw comparison is not encoded by the column: SQLite keeps milliseconds, PostgreSQL a timestamptz.
  const moment = (date: Date) => (DIALECT === "sqlite" ? date.getTime() : date.toISOString());
  const conditions: (SQL | undefined)[] = [
    byStatus ? eq(sends.status, filters.status!) : undefined,
    filters.type ? equals(sends.messageType, filters.type) : undefined,
    filters.platform ? equals(sends.platform, filters.platform) : undefined,
    filters.template ? equals(sends.templateUuid, filters.template) : undefined,
    filters.channel ? equals(sends.channelUuid, filters.channel) : undefined,
    filters.sender ? equals(sends.senderId, filters.sender) : undefined,
    start ? sql`${column(sends.createdAt)} >= ${moment(start)}` : undefined,
    end ? sql`${column(sends.createdAt)} < ${moment(end)}` : undefined,
  ];
  if (filters.q) {
    const needle = recipientNeedle(filters.q);
    conditions.push(
      looksLikeCallbellUuid(filters.q)
        ? eq(sends.callbellUuid, filters.q.toLowerCase())
        : DIALECT === "sqlite"
          ? // Matched in the (recipient, status) index, far smaller than the table, then fetched by id. Digits are
            // found with instr, a plain substring search (LIKE compares without case, a quarter slower).
            sql`${sends.id} in (select ${sends.id} from ${sends} where ${
              /^\d+$/.test(needle)
                ? sql`instr(${sends.recipient}, ${needle}) > 0`
                : sql`${sends.recipient} like ${`%${escapeLike(needle)}%`} escape '\\'`
            })`
          : // PostgreSQL: the trigram index (migration 0003) finds the matches; ILIKE compares without case, as
            // SQLite's LIKE does.
            sql`${sends.recipient} ilike ${`%${escapeLike(needle)}%`} escape '\\'`,
    );
  }
  return and(...conditions);
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Newest first, keyset-paged by id (ids grow with time), so a page costs the same however deep it is. */
export async function listSends(
  db: Database,
  options: { cursor?: number | null; limit?: number; filters?: HistoryFilters } = {},
): Promise<HistoryPage> {
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const rows = await db
    .select()
    .from(sends)
    .where(
      and(historyWhere(options.filters ?? {}), options.cursor ? lt(sends.id, options.cursor) : undefined),
    )
    .orderBy(desc(sends.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** How many sends match the filters, per status (the status filter itself aside, so every status shows its count). */
export async function countSendsByStatus(
  db: Database,
  filters: HistoryFilters,
): Promise<Partial<Record<SendStatus, number>>> {
  const where = historyWhere(filters, { ignoreStatus: true });
  // With a filter, `+status` stops SQLite from walking the status index (and the table) to group: it searches the
  // filter's (column, status) index instead and groups the few rows it finds. Without one, the status index is best.
  const rows = await db
    .select({ status: sends.status, value: count() })
    .from(sends)
    .where(where)
    .groupBy(where && DIALECT === "sqlite" ? sql`+${sends.status}` : sends.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.value]));
}

/** The columns the CSV export writes: reading only these halves the cost of each row. */
const exportColumns = {
  id: sends.id,
  createdAt: sends.createdAt,
  senderEmail: sends.senderEmail,
  recipient: sends.recipient,
  platform: sends.platform,
  messageType: sends.messageType,
  templateUuid: sends.templateUuid,
  templateTitle: sends.templateTitle,
  // What `readTemplateValues` needs, read by the database from the stored request, so the (large) body never leaves
  // it: the count of values sent, `template_values` as JSON text, and `content.text`.
  templateValueCount: sends.templateValueCount,
  templateValues: sql<string | null>`case when ${sends.templateUuid} is not null then ${
    DIALECT === "sqlite"
      ? sql`json_extract(${sends.requestBody}, '$.template_values')`
      : sql`(${sends.requestBody}::jsonb -> 'template_values')::text`
  } end`,
  templateText: sql<string | null>`case when ${sends.templateUuid} is not null then ${
    DIALECT === "sqlite"
      ? sql`json_extract(${sends.requestBody}, '$.content.text')`
      : sql`${sends.requestBody}::jsonb #>> '{content,text}'`
  } end`,
  callbellUuid: sends.callbellUuid,
  status: sends.status,
  statusReason: sends.statusReason,
  errorMessage: sends.errorMessage,
};
export type ExportRow = Pick<
  SendRow,
  Exclude<keyof typeof exportColumns, "templateValues" | "templateText">
> & {
  templateValues: string | null;
  templateText: string | null;
};

/**
 * Every matching send, newest first, in keyset batches: the export streams them without holding them all, and each
 * batch costs the same however deep it is.
 */
export async function* iterateSends(
  db: Database,
  filters: HistoryFilters,
  batchSize = 2_000,
): AsyncGenerator<ExportRow[]> {
  const where = historyWhere(filters);
  const names = Object.keys(exportColumns) as (keyof typeof exportColumns)[];
  let cursor: number | null = null;
  for (;;) {
    const batch = db
      .select(exportColumns)
      .from(sends)
      .where(and(where, cursor ? lt(sends.id, cursor) : undefined))
      .orderBy(desc(sends.id))
      .limit(batchSize);
    let rows: ExportRow[];
    if (DIALECT === "sqlite") {
      // Raw rows, named here: drizzle's general row mapping was a quarter of the export's time at 100,000 rows.
      const raw = (await batch.values()) as unknown as ArrayLike<unknown>[];
      rows = raw.map((values) => {
        const row: Record<string, unknown> = {};
        for (let index = 0; index < names.length; index += 1) row[names[index]!] = values[index] ?? null;
        row.createdAt = new Date(Number(row.createdAt));
        return row as ExportRow;
      });
    } else {
      rows = (await batch) as ExportRow[];
    }
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The templates and channels that occur in the history, for the filters' choices. */
export async function listHistoryTemplates(db: Database): Promise<{ uuid: string; title: string | null }[]> {
  const rows = await db
    .select({ uuid: sends.templateUuid, title: max(sends.templateTitle) })
    .from(sends)
    .where(isNotNull(sends.templateUuid))
    .groupBy(sends.templateUuid);
  return rows.flatMap((row) => (row.uuid ? [{ uuid: row.uuid, title: row.title }] : []));
}

export async function listHistoryChannels(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ uuid: sends.channelUuid })
    .from(sends)
    .where(isNotNull(sends.channelUuid));
  return rows.flatMap((row) => (row.uuid ? [row.uuid] : []));
}

export type SessionUserRow = Pick<typeof user.$inferSelect, "email" | "name" | "role" | "banned"> & {
  userId: string;
  expiresAt: Date;
};

/** The session with this token and its account, in one read (the check every request makes). */
export async function findSessionUser(db: Database, token: string): Promise<SessionUserRow | undefined> {
  const [row] = await db
    .select({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      banned: user.banned,
      expiresAt: session.expiresAt,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, token))
    .limit(1);
  return row;
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

const accountColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  createdAt: user.createdAt,
};

/** Every account, oldest first, for the admins' user list. */
export async function listAccounts(db: Database): Promise<AccountRow[]> {
  return db.select(accountColumns).from(user).orderBy(user.createdAt);
}

/** One account by its id or by its (lower-cased) email, as the admins' list shows it. */
export async function findAccount(
  db: Database,
  by: { id: string } | { email: string },
): Promise<AccountRow | undefined> {
  const [row] = await db
    .select(accountColumns)
    .from(user)
    .where("id" in by ? eq(user.id, by.id) : eq(user.email, by.email.trim().toLowerCase()))
    .limit(1);
  return row;
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

// Delivery statuses: events from webhooks and polls, and the send's status they move.

export type NewStatusEvent = Pick<
  SendEventRow,
  "callbellUuid" | "status" | "source" | "receivedAt" | "payload"
>;

/** Keeps an event; false when the same (uuid, status) is already kept, so a repeat is dropped. */
export async function insertStatusEvent(db: Database, event: NewStatusEvent): Promise<number | null> {
  const rows = await db
    .insert(sendEvents)
    .values(event)
    .onConflictDoNothing({ target: [sendEvents.callbellUuid, sendEvents.status] })
    .returning({ id: sendEvents.id });
  return rows[0]?.id ?? null;
}

export async function markStatusEventApplied(db: Database, id: number) {
  await db.update(sendEvents).set({ applied: true }).where(eq(sendEvents.id, id));
}

export async function listStatusEvents(db: Database, callbellUuid: string): Promise<SendEventRow[]> {
  return db
    .select()
    .from(sendEvents)
    .where(eq(sendEvents.callbellUuid, callbellUuid))
    .orderBy(asc(sendEvents.receivedAt), asc(sendEvents.id));
}

export async function findSendByCallbellUuid(db: Database, uuid: string): Promise<SendRow | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.callbellUuid, uuid)).limit(1);
  return rows[0];
}

/**
 * Moves a send from one status to another, only if it is still in `from` (another event may have moved it since it
 * was read); true when it moved.
 */
export async function updateSendStatus(
  db: Database,
  id: number,
  change: { from: SendStatus; to: SendStatus; reason: string | null },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(sends)
    .set({
      status: change.to,
      statusUpdatedAt: now,
      updatedAt: now,
      ...(change.reason !== null ? { statusReason: change.reason } : {}),
    })
    .where(and(eq(sends.id, id), eq(sends.status, change.from)))
    .returning({ id: sends.id });
  return rows.length > 0;
}

/**
 * Sends the poller should ask about now: WhatsApp (Callbell reports no delivery status elsewhere), still moving,
 * younger than `since`, due, the longest-waiting first.
 */
export async function listSendsDueForPoll(
  db: Database,
  options: { statuses: readonly SendStatus[]; now: Date; since: Date; limit: number },
): Promise<Pick<SendRow, "id" | "callbellUuid" | "status" | "pollCount">[]> {
  return db
    .select({
      id: sends.id,
      callbellUuid: sends.callbellUuid,
      status: sends.status,
      pollCount: sends.pollCount,
    })
    .from(sends)
    .where(
      and(
        lte(sends.nextPollAt, options.now),
        inArray(sends.status, [...options.statuses]),
        gt(sends.createdAt, options.since),
        eq(sends.platform, "whatsapp"),
      ),
    )
    .orderBy(asc(sends.nextPollAt))
    .limit(options.limit);
}

/** After a poll: when to ask next (null: never again), and one more poll counted. */
export async function schedulePoll(db: Database, id: number, nextPollAt: Date | null, pollCount: number) {
  await db.update(sends).set({ nextPollAt, pollCount }).where(eq(sends.id, id));
}
