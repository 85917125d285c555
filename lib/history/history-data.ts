import "server-only";
import { getDb } from "@/lib/db/client";
import { countHistory } from "@/lib/db/history-counts";
import { knownContactNames, listSends } from "@/lib/db/history-queries";
import { historySearchParams, type HistoryFilters } from "./filters";
import {
  toHistoryItem,
  type HistoryCounts,
  type HistoryResponse,
  type PreloadedHistory,
} from "./history-item";

/** One page of the filtered history, newest first: what `/api/history` answers and /history renders first. */
export async function historyPage(filters: HistoryFilters, cursor: number | null): Promise<HistoryResponse> {
  const db = await getDb();
  const page = await listSends(db, { cursor, filters });
  const names = await knownContactNames(
    db,
    page.rows.filter((row) => !row.contactName).map((row) => row.recipient),
  );
  return {
    items: page.rows.map((row) => toHistoryItem(row, names.get(row.recipient) ?? null)),
    nextCursor: page.nextCursor,
  };
}

/**
 * Sends per status for the filters other than the status: what `/api/history/counts` answers (estimated, and said to
 * be, when very many match).
 */
export async function historyCounts(filters: HistoryFilters): Promise<HistoryCounts> {
  return await countHistory(await getDb(), filters);
}

/** The first page for /history's HTML, stamped with when it was read. */
export async function preloadHistory(filters: HistoryFilters): Promise<PreloadedHistory> {
  const page = await historyPage(filters, null);
  return { query: historySearchParams(filters).toString(), page, loadedAt: Date.now() };
}
