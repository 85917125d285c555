import "server-only";
import { getDb } from "@/lib/db/client";
import { countSendsByStatus, listSends } from "@/lib/db/history-queries";
import { historySearchParams, type HistoryFilters } from "./filters";
import {
  toHistoryItem,
  type HistoryCounts,
  type HistoryResponse,
  type PreloadedHistory,
} from "./history-item";

/** One page of the filtered history, newest first: what `/api/history` answers and /history renders first. */
export async function historyPage(filters: HistoryFilters, cursor: number | null): Promise<HistoryResponse> {
  const page = await listSends(await getDb(), { cursor, filters });
  return { items: page.rows.map(toHistoryItem), nextCursor: page.nextCursor };
}

/** Sends per status for the filters other than the status: what `/api/history/counts` answers. */
export async function historyCounts(filters: HistoryFilters): Promise<HistoryCounts> {
  return { counts: await countSendsByStatus(await getDb(), filters) };
}

/** The first page for /history's HTML, stamped with when it was read. */
export async function preloadHistory(filters: HistoryFilters): Promise<PreloadedHistory> {
  const page = await historyPage(filters, null);
  return { query: historySearchParams(filters).toString(), page, loadedAt: Date.now() };
}
