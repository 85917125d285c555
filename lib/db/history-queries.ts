/** The history: a filtered page, its counts per status, the CSV export, and the filters' choices. */
import "server-only";
import { and, count, desc, eq, isNotNull, lt, max, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  dateRange,
  looksLikeCallbellUuid,
  recipientNeedle,
  type HistoryFilters,
} from "@/lib/history/filters";
import type { Database } from "./client";
import { DIALECT } from "./dialect";
import { sends, type SendRow, type SendStatus } from "./schema";

export const HISTORY_PAGE_SIZE = 50;

export type HistoryPage = { rows: SendRow[]; nextCursor: number | null };

/**
 * The WHERE of a filtered history; the same for the page, the counts and the export.
 *
 * With a status, the search goes through the status index alone: it holds every filter column, so rows that fail the
 * other filters are skipped inside the index, never read from the table. The other columns are written `+column`
 * there, which keeps SQLite from choosing their own narrower indexes (it would then read the table for each
 * candidate). PostgreSQL plans for itself (and has no unary plus for text), so there the columns stay bare.
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
            // found with instr, a plain substring search (LIKE compares without case, which is slower).
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

/** The columns the CSV export writes: reading no others makes each row cheaper. */
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
      // Raw rows, named here: drizzle's general row mapping is a large part of the export's time.
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
