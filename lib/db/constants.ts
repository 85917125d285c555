/**
 * The value sets of Bellhop's tables, without drizzle: the browser uses them (filters, reports) and must not load the
 * table definitions to get them. `schema.ts` re-exports them.
 */

/**
 * Where a send stands: ours until Callbell answers, then Callbell's delivery statuses. `rejected` is Callbell's refusal;
 * `not_sent` is a send that never reached Callbell (the connection was refused); `unknown` one that may have.
 * A message sent later is `scheduled` until it fires (then `sending`), `cancelled` if an agent cancelled it first, and
 * `missed` when Bellhop was down at its time and it came due more than `BELLHOP_LATE_LIMIT` ago.
 */
export const SEND_STATUSES = [
  "scheduled",
  "sending",
  "enqueued",
  "rejected",
  "not_sent",
  "unknown",
  "sent",
  "delivered",
  "read",
  "failed",
  "mismatch",
  "cancelled",
  "missed",
] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** A status in words, as the history shows and filters it (the API and the export use the value itself). */
export const sendStatusLabel = (status: string) => (status === "not_sent" ? "not sent" : status);

export const USER_ROLES = ["admin", "agent"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Where a broadcast stands: waiting for the time it was started at (`scheduled`), dispatching, held by an admin or
 * agent, stopped for good, or every row done. `missed`: Bellhop was down at its start time and it came due more than
 * `BELLHOP_LATE_LIMIT` ago; it can still be started by hand. A running broadcast outside its sending hours is still
 * `running` (it waits; the page says until when).
 */
export const BROADCAST_STATES = [
  "scheduled",
  "running",
  "paused",
  "cancelled",
  "completed",
  "missed",
] as const;
export type BroadcastState = (typeof BROADCAST_STATES)[number];

/**
 * A row's own state. waiting → sending (claimed atomically) → enqueued | failed | unknown; a 429 or a refused
 * connection (surely not delivered) puts it back to waiting for a later attempt; cancelled rows are never sent.
 */
export const RECIPIENT_STATES = ["waiting", "sending", "enqueued", "failed", "unknown", "cancelled"] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/**
 * What an audit entry records (lib/db/audit-queries.ts). A kind is part of the stored data and of `/audit?kind=…`
 * links: add new ones, never rename.
 */
export const AUDIT_KINDS = [
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "user-added",
  "user-role-changed",
  "user-deactivated",
  "user-reactivated",
  "token-checked",
  "token-saved",
  "token-removed",
  "mode-switched",
  "broadcast-created",
  "broadcast-paused",
  "broadcast-resumed",
  "broadcast-cancelled",
  "export-downloaded",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
