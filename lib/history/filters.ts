import { SEND_STATUSES, type SendStatus } from "@/lib/db/constants";
import {
  MESSAGE_TYPE_VALUES,
  PLATFORM_VALUES,
  type MessageType,
  type Platform,
} from "@/lib/messages/options";

/**
 * The `Replied` filter sits among the statuses (`/history?status=replied`) although a reply is no status: a send is
 * read and replied at once. It finds the sends a customer answered (sends.replied_at).
 */
export const REPLIED = "replied";
export type StatusFilter = SendStatus | typeof REPLIED;

/**
 * What the history is filtered by. It lives in the URL (`/history?status=failed&from=2026-11-01`), so a link shares
 * a view; the same names are read by `/api/history` and `/api/history/export`.
 */
export type HistoryFilters = {
  status?: StatusFilter;
  type?: MessageType;
  platform?: Platform;
  /** A template's uuid. */
  template?: string;
  /** A channel's uuid. */
  channel?: string;
  /** A sender's account id. */
  sender?: string;
  /** Whole days, `YYYY-MM-DD`, in UTC; both ends included. */
  from?: string;
  to?: string;
  /** Part of a recipient's number or identifier, or a whole Callbell uuid. */
  q?: string;
};

export const FILTER_KEYS = [
  "status",
  "type",
  "platform",
  "template",
  "channel",
  "sender",
  "from",
  "to",
  "q",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;

function validDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Reads filters from a query string; a value that cannot be a filter is reported by name, never ignored silently. */
export function parseHistoryFilters(params: URLSearchParams): {
  filters: HistoryFilters;
  errors: Partial<Record<FilterKey, string>>;
} {
  const filters: HistoryFilters = {};
  const errors: Partial<Record<FilterKey, string>> = {};
  const text = (key: FilterKey) => {
    const value = params.get(key)?.trim() ?? "";
    // `status=failed&status=read` is not read as either: the history filters by one value of each.
    if (new Set(params.getAll(key).map((each) => each.trim())).size > 1) {
      errors[key] = "given more than once: one value only";
      return "";
    }
    if (value.length > MAX_TEXT) {
      errors[key] = `at most ${MAX_TEXT} characters`;
      return "";
    }
    return value;
  };
  const status = text("status");
  if (status) {
    if ((SEND_STATUSES as readonly string[]).includes(status)) filters.status = status as SendStatus;
    else if (status === REPLIED) filters.status = REPLIED;
    else errors.status = `not a status (${[...SEND_STATUSES, REPLIED].join(", ")})`;
  }
  const type = text("type");
  if (type) {
    if ((MESSAGE_TYPE_VALUES as readonly string[]).includes(type)) filters.type = type as MessageType;
    else errors.type = `not a message type (${MESSAGE_TYPE_VALUES.join(", ")})`;
  }
  const platform = text("platform");
  if (platform) {
    if ((PLATFORM_VALUES as readonly string[]).includes(platform)) filters.platform = platform as Platform;
    else errors.platform = `not a platform (${PLATFORM_VALUES.join(", ")})`;
  }
  for (const key of ["template", "channel", "sender", "q"] as const) {
    const value = text(key);
    if (value) filters[key] = value;
  }
  for (const key of ["from", "to"] as const) {
    const value = text(key);
    if (!value) continue;
    if (validDay(value)) filters[key] = value;
    else errors[key] = "a day as YYYY-MM-DD";
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    // Ignored, as the page says: a range that ends before it starts would match nothing.
    errors.to = "must not be before the start";
    delete filters.to;
  }
  return { filters, errors };
}

/** The query string for these filters, in a fixed order (so equal views have equal URLs), without empty values. */
export function historySearchParams(
  filters: HistoryFilters,
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

/** The date range as instants: from the start of `from` to the end of `to` (UTC). */
export function dateRange(filters: HistoryFilters): { start?: Date; end?: Date } {
  return {
    start: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
    end: filters.to ? new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 86_400_000) : undefined,
  };
}

/** A Callbell message uuid: 32 hex digits (searched exactly; anything else is part of a recipient). */
export function looksLikeCallbellUuid(value: string): boolean {
  return /^[0-9a-f]{32}$/i.test(value);
}

/**
 * The start of a Callbell uuid, as the history shows it cut short (`f6e6810b…`): 6 to 31 hex digits with a letter
 * among them (digits alone are a phone number's), an ellipsis after them dropped. Null for anything else.
 */
export function callbellUuidPrefix(value: string): string | null {
  const prefix = value
    .trim()
    .replace(/(…|\.\.\.)$/, "")
    .toLowerCase();
  return /^[0-9a-f]{6,31}$/.test(prefix) && /[a-f]/.test(prefix) ? prefix : null;
}

/** What to look for in recipients: a phone number's digits (spaces, dashes, brackets dropped), or the text as typed. */
export function recipientNeedle(value: string): string {
  const compact = value.replace(/[\s\-().]/g, "");
  return /^\+?\d+$/.test(compact) ? compact.replace(/^\+/, "") : value;
}
