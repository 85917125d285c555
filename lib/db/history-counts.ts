/**
 * The history's counts per status: exact while few sends match, estimated from a sample when many do. Counting a
 * million rows exactly takes longer than the page may wait (e2e/perf/REPORT.md, "A million sends"), so each count
 * reads at most `exactUpTo` + 1 matching rows; past that, a sample of the history spread evenly over its ids (ids grow
 * with time, so the sample covers every week alike) is counted and scaled, and the page says "about".
 */
import "server-only";
import { and, asc, between, count, desc, gte, lt, max, min, type SQL } from "drizzle-orm";
import { HISTORY_COUNT_EXACT_LIMIT } from "@/lib/history/count-words";
import { dateRange, REPLIED, type HistoryFilters } from "@/lib/history/filters";
import type { Database } from "./client";
import { historyWhere } from "./history-queries";
import { sends, type SendStatus } from "./schema";

export type HistoryCountResult = {
  counts: Partial<Record<SendStatus, number>>;
  /** How many of them a customer answered. */
  replied: number;
  /** False: more than `exactUpTo` sends match, and the figures are estimates. */
  exact: boolean;
};

export type CountLimits = {
  /** Up to this many matching sends, the counts are exact. */
  exactUpTo: number;
  /** Past it: how many runs of consecutive ids are counted, and how many ids each spans. */
  windows: number;
  windowIds: number;
};

/** 20 runs of 1,000 ids: 20,000 sends read at most, a few milliseconds; a status with a tenth of them is off by ~2%. */
export const HISTORY_COUNT_LIMITS: CountLimits = {
  exactUpTo: HISTORY_COUNT_EXACT_LIMIT,
  windows: 20,
  windowIds: 1_000,
};

/** Sends per status matching the filters (the status filter aside, so every status shows its count), and replied. */
export async function countHistory(
  db: Database,
  filters: HistoryFilters,
  limits: CountLimits = HISTORY_COUNT_LIMITS,
): Promise<HistoryCountResult> {
  // Several filters: SQLite would search one filter's index and read the table for the others; the status index holds
  // them all (a million entries: ~50 ms at worst). PostgreSQL plans for itself (history-sql.ts).
  const several =
    [
      filters.type,
      filters.platform,
      filters.template,
      filters.channel,
      filters.sender,
      filters.from ?? filters.to,
    ].filter(Boolean).length > 1;
  const where = historyWhere(filters, { ignoreStatus: true, inStatusIndex: several });
  const cap = limits.exactUpTo + 1;
  const [counted, replied] = await Promise.all([
    countUpTo(db, where, cap),
    // Replied sends through their own (partial) index, the other filters checked on them.
    countRepliedUpTo(db, historyWhere({ ...filters, status: REPLIED }), cap),
  ]);
  const total = Object.values(counted).reduce((sum, value) => sum + value, 0);
  if (total < cap) return { counts: counted, replied, exact: true };
  const sampled = await countSample(db, filters, limits);
  // What was counted is a floor: an estimate never says fewer.
  const counts: Partial<Record<SendStatus, number>> = { ...counted };
  for (const [status, value] of Object.entries(sampled.counts) as [SendStatus, number][]) {
    counts[status] = Math.max(value, counted[status] ?? 0);
  }
  return { counts, replied: replied < cap ? replied : Math.max(sampled.replied, replied), exact: false };
}

/** Per status, among the first `cap` matching sends the database finds (all of them, when fewer match). */
async function countUpTo(db: Database, where: SQL | undefined, cap: number) {
  const matching = db.select({ status: sends.status }).from(sends).where(where).limit(cap).as("matching");
  const rows = await db
    .select({ status: matching.status, value: count() })
    .from(matching)
    .groupBy(matching.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.value])) as Partial<
    Record<SendStatus, number>
  >;
}

async function countRepliedUpTo(db: Database, where: SQL | undefined, cap: number): Promise<number> {
  const matching = db.select({ id: sends.id }).from(sends).where(where).limit(cap).as("matching");
  const [row] = await db.select({ value: count() }).from(matching);
  return row?.value ?? 0;
}

/** The ids the filters' dates span: the first send at or after the start, the last before the end. */
async function idSpan(db: Database, filters: HistoryFilters): Promise<[number, number] | null> {
  const { start, end } = dateRange(filters);
  const [first] = start
    ? await db
        .select({ id: sends.id })
        .from(sends)
        .where(gte(sends.createdAt, start))
        .orderBy(asc(sends.createdAt))
        .limit(1)
    : await db.select({ id: min(sends.id) }).from(sends);
  const [last] = end
    ? await db
        .select({ id: sends.id })
        .from(sends)
        .where(lt(sends.createdAt, end))
        .orderBy(desc(sends.createdAt))
        .limit(1)
    : await db.select({ id: max(sends.id) }).from(sends);
  return first?.id != null && last?.id != null && first.id <= last.id ? [first.id, last.id] : null;
}

/** The runs of ids counted: `windows` runs of `windowIds`, evenly spaced over the span (or the whole span, if short). */
export function sampleWindows([low, high]: [number, number], limits: CountLimits): [number, number][] {
  const span = high - low + 1;
  if (span <= limits.windows * limits.windowIds) return [[low, high]];
  const step = span / limits.windows;
  return Array.from({ length: limits.windows }, (_, k) => {
    const from = low + Math.floor(k * step);
    return [from, Math.min(high, from + limits.windowIds - 1)];
  });
}

/** The matching sends in the sample, per status and replied, scaled to the whole span. */
async function countSample(db: Database, filters: HistoryFilters, limits: CountLimits) {
  const span = await idSpan(db, filters);
  if (!span) return { counts: {}, replied: 0 };
  const windows = sampleWindows(span, limits);
  const where = historyWhere(filters, { ignoreStatus: true, rowwise: true });
  const perWindow = await Promise.all(
    windows.map(([from, to]) =>
      db
        .select({ status: sends.status, value: count(), replied: count(sends.repliedAt) })
        .from(sends)
        .where(and(where, between(sends.id, from, to)))
        .groupBy(sends.status),
    ),
  );
  const sampledIds = windows.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
  const scale = (span[1] - span[0] + 1) / sampledIds;
  const counts: Partial<Record<SendStatus, number>> = {};
  let replied = 0;
  for (const row of perWindow.flat()) {
    counts[row.status] = (counts[row.status] ?? 0) + row.value;
    replied += row.replied;
  }
  for (const status of Object.keys(counts) as SendStatus[])
    counts[status] = Math.round(counts[status]! * scale);
  return { counts, replied: Math.round(replied * scale) };
}
