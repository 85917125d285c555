import type { SendRow } from "@/lib/db/schema";
import { readSentTemplateValues } from "@/lib/messages/template-values";
import { messageSnippet, storedContent } from "./message-snippet";

/** A row shows one line of the message: a longer text need not travel to the browser 50 times a refresh. */
const SNIPPET_MAX = 160;

/** A history row as the browser receives it: what the table shows, nothing more. */
export type HistoryItem = {
  id: number;
  createdAt: string;
  recipient: string;
  /** The contact's name, when Callbell has told it for this recipient (on this send or another). */
  contactName: string | null;
  platform: string;
  messageType: string;
  templateTitle: string | null;
  /** The message in one line of words (`messageSnippet`), at most `SNIPPET_MAX` characters. */
  message: string;
  status: string;
  callbellUuid: string | null;
  errorMessage: string | null;
  senderEmail: string | null;
  /** Why Callbell says it failed, in words. */
  statusReason: string | null;
  /** The broadcast this send was part of, if any. */
  broadcastId: number | null;
  /** A message sent later: when it goes (ISO), and the zone it was chosen in. */
  scheduledFor: string | null;
  scheduledZone: string | null;
  /** When the customer first answered it (ISO); null: no reply known. */
  repliedAt: string | null;
};

export type HistoryResponse = {
  items: HistoryItem[];
  nextCursor: number | null;
};

/**
 * `GET /api/history/counts`: sends per status for the current filters other than the status itself, and how many of
 * them a customer answered (the `replied` filter; apart, since a replied send is counted under its status too).
 * `exact` false: more sends match than `HISTORY_COUNT_EXACT_LIMIT`, and the figures are estimates (said "about").
 */
export type HistoryCounts = { counts: Partial<Record<string, number>>; replied: number; exact: boolean };

export function toHistoryItem(row: SendRow, knownName: string | null = null): HistoryItem {
  const content = storedContent(row.requestBody);
  const message = messageSnippet({
    messageType: row.messageType,
    templateTitle: row.templateTitle,
    templateUuid: row.templateUuid,
    templateValues: readSentTemplateValues(row),
    contentText: content.text,
    contentUrl: content.url,
  });
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    recipient: row.recipient,
    contactName: row.contactName ?? knownName,
    platform: row.platform,
    messageType: row.messageType,
    templateTitle: row.templateTitle,
    message: message.length > SNIPPET_MAX ? `${message.slice(0, SNIPPET_MAX - 1)}…` : message,
    status: row.status,
    callbellUuid: row.callbellUuid,
    errorMessage: row.errorMessage,
    senderEmail: row.senderEmail,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    scheduledZone: row.scheduledZone,
    statusReason: row.statusReason,
    broadcastId: row.broadcastId,
    repliedAt: row.repliedAt?.toISOString() ?? null,
  };
}

/** The page the server rendered /history with, for the filters in `query`: the table starts from it. */
export type PreloadedHistory = { query: string; page: HistoryResponse; loadedAt: number };
