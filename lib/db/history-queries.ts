/** The history: a filtered page, its counts per status, the CSV export, and the filters' choices. */
import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, lt, max, sql, type Column, type SQL } from "drizzle-orm";
import {
  dateRange,
  callbellUuidPrefix,
  looksLikeCallbellUuid,
  recipientNeedle,
  REPLIED,
  type HistoryFilters,
} from "@/lib/history/filters";
import type { Database } from "./client";
import {
  equalsOutsideItsIndex,
  outsideItsIndex,
  readRows,
  recipientContains,
  sqlMoment,
  storedContentText,
  storedContentUrl,
  storedTemplateValues,
} from "./history-sql";
import { sends, type SendRow, type SendStatus } from "./schema";

export const HISTORY_PAGE_SIZE = 50;

export type HistoryPage = { rows: SendRow[]; nextCursor: number | null };

/**
 * The WHERE of a filtered history; the same for the page, the counts and the export. With a status, the search goes
 * through the status index alone: it holds every filter column, so rows that fail the other filters are skipped inside
 * the index, never read from the table (the other columns are kept out of their own indexes there, as with Replied,
 * and with `inStatusIndex`). `rowwise`: for a few rows already chosen by id, where a search of every recipient first
 * would cost more than it saves.
 */
export function historyWhere(
  filters: HistoryFilters,
  options: { ignoreStatus?: boolean; rowwise?: boolean; inStatusIndex?: boolean } = {},
): SQL | undefined {
  const { start, end } = dateRange(filters);
  // Replied sends are found through their own (partial) index, newest first; the other filters are checked on them.
  const replied = filters.status === REPLIED && !options.ignoreStatus;
  const byStatus = Boolean(filters.status && !options.ignoreStatus && !replied);
  const keptOut = byStatus || replied || Boolean(options.inStatusIndex);
  const equals = keptOut ? equalsOutsideItsIndex : (column: Column, value: string) => eq(column, value);
  const createdAt = keptOut ? outsideItsIndex(sends.createdAt) : sends.createdAt;
  const conditions: (SQL | undefined)[] = [
    byStatus ? eq(sends.status, filters.status as SendStatus) : undefined,
    replied ? isNotNull(sends.repliedAt) : undefined,
    filters.type ? equals(sends.messageType, filters.type) : undefined,
    filters.platform ? equals(sends.platform, filters.platform) : undefined,
    filters.template ? equals(sends.templateUuid, filters.template) : undefined,
    filters.channel ? equals(sends.channelUuid, filters.channel) : undefined,
    filters.sender ? equals(sends.senderId, filters.sender) : undefined,
    start ? sql`${createdAt} >= ${sqlMoment(start)}` : undefined,
    end ? sql`${createdAt} < ${sqlMoment(end)}` : undefined,
  ];
  if (filters.q) {
    const prefix = callbellUuidPrefix(filters.q);
    conditions.push(
      looksLikeCallbellUuid(filters.q)
        ? eq(sends.callbellUuid, filters.q.toLowerCase())
        : prefix
          ? // The uuids that start so: a range of the uuid's index (`g` follows every hex digit).
            and(gte(sends.callbellUuid, prefix), lt(sends.callbellUuid, `${prefix}g`))
          : recipientContains(recipientNeedle(filters.q), options),
    );
  }
  return and(...conditions);
}

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

/**
 * The contact names Callbell told for these recipients on any send (a send asked for them with `fields: "contact"`),
 * so a row names its customer although that send did not ask. One name per recipient: the latest send's.
 */
export async function knownContactNames(db: Database, recipients: string[]): Promise<Map<string, string>> {
  if (recipients.length === 0) return new Map();
  const latest = db
    .select({ id: max(sends.id) })
    .from(sends)
    .where(and(inArray(sends.recipient, [...new Set(recipients)]), isNotNull(sends.contactName)))
    .groupBy(sends.recipient);
  const rows = await db
    .select({ recipient: sends.recipient, name: sends.contactName })
    .from(sends)
    .where(inArray(sends.id, latest));
  return new Map(rows.flatMap((row) => (row.name ? [[row.recipient, row.name] as const] : [])));
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
  // What `readTemplateValues` and `messageSnippet` need, read by the database from the stored request, so the (large)
  // body never leaves it: the count of values sent, `template_values` as JSON text, `content.text` and `content.url`.
  templateValueCount: sends.templateValueCount,
  templateValues: sql<
    string | null
  >`case when ${sends.templateUuid} is not null then ${storedTemplateValues(sends.requestBody)} end`,
  // The message column needs `content.text` and `content.url` of every send, templates or not.
  contentText: sql<string | null>`${storedContentText(sends.requestBody)}`,
  contentUrl: sql<string | null>`${storedContentUrl(sends.requestBody)}`,
  callbellUuid: sends.callbellUuid,
  status: sends.status,
  statusReason: sends.statusReason,
  errorMessage: sends.errorMessage,
  repliedAt: sends.repliedAt,
};
export type ExportRow = Pick<
  SendRow,
  Exclude<keyof typeof exportColumns, "templateValues" | "contentText" | "contentUrl">
> & {
  templateValues: string | null;
  contentText: string | null;
  contentUrl: string | null;
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
    const rows: ExportRow[] = await readRows(batch, names, ["createdAt", "repliedAt"]);
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
