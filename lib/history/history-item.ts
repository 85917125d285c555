import type { SendRow } from "@/lib/db/schema";

/** A history row as the browser receives it: what the table shows, nothing more. */
export type HistoryItem = {
  id: number;
  createdAt: string;
  recipient: string;
  platform: string;
  messageType: string;
  templateTitle: string | null;
  status: string;
  callbellUuid: string | null;
  errorMessage: string | null;
  senderEmail: string | null;
  /** Why Callbell says it failed, in words. */
  statusReason: string | null;
  /** The broadcast this send was part of, if any. */
  broadcastId: number | null;
};

export type HistoryResponse = {
  items: HistoryItem[];
  nextCursor: number | null;
};

/** `GET /api/history/counts`: sends per status for the current filters other than the status itself. */
export type HistoryCounts = { counts: Partial<Record<string, number>> };

export function toHistoryItem(row: SendRow): HistoryItem {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    recipient: row.recipient,
    platform: row.platform,
    messageType: row.messageType,
    templateTitle: row.templateTitle,
    status: row.status,
    callbellUuid: row.callbellUuid,
    errorMessage: row.errorMessage,
    senderEmail: row.senderEmail,
    statusReason: row.statusReason,
    broadcastId: row.broadcastId,
  };
}

/** The page the server rendered /history with, for the filters in `query`: the table starts from it. */
export type PreloadedHistory = { query: string; page: HistoryResponse; loadedAt: number };
