import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BROADCAST_STATES, RECIPIENT_STATES, SEND_STATUSES } from "./constants";

export * from "./constants";

export const sends = sqliteTable(
  "sends",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Chosen by the browser per attempt; a repeated attempt finds this row instead of sending again. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    recipient: text("recipient").notNull(),
    platform: text("platform").notNull(),
    /** The type as the agent chose it (audio, video), which Callbell's `type` does not keep. */
    messageType: text("message_type").notNull(),
    channelUuid: text("channel_uuid"),
    templateUuid: text("template_uuid"),
    templateTitle: text("template_title"),
    /** The JSON body sent to Callbell; it never holds the token. */
    requestBody: text("request_body").notNull(),
    status: text("status", { enum: SEND_STATUSES }).notNull(),
    callbellUuid: text("callbell_uuid"),
    responseBody: text("response_body"),
    errorMessage: text("error_message"),
    errorStatus: integer("error_status"),
    contactName: text("contact_name"),
    /** Who pressed Send: the account's id, and its email as it was then (null for sends before sign-in existed). */
    senderId: text("sender_id"),
    senderEmail: text("sender_email"),
    /** Why Callbell says it failed (or was corrected), in words read from the status payload. */
    statusReason: text("status_reason"),
    /** When the status last changed by Callbell's word (webhook or poll). */
    statusUpdatedAt: integer("status_updated_at", { mode: "timestamp_ms" }),
    /** When the poller asks Callbell next, and how often it has asked (its backoff). Null: not polled. */
    nextPollAt: integer("next_poll_at", { mode: "timestamp_ms" }),
    pollCount: integer("poll_count").notNull().default(0),
    /** The broadcast and row this send belongs to; null for a send from the compose page. */
    broadcastId: integer("broadcast_id"),
    broadcastRowId: integer("broadcast_row_id"),
  },
  (table) => [
    // Each filter of the history has an index led by its column, then the id (a page reads it newest first and stops
    // at 50), then the status (counting per status reads the index alone; see countSendsByStatus).
    index("sends_created_at_idx").on(table.createdAt, table.status),
    index("sends_callbell_uuid_idx").on(table.callbellUuid),
    index("sends_sender_idx").on(table.senderId, table.id, table.status),
    // Every filter column, so a search by status skips the rows the other filters refuse inside the index.
    index("sends_status_idx").on(
      table.status,
      table.id,
      table.messageType,
      table.platform,
      table.templateUuid,
      table.channelUuid,
      table.senderId,
      table.createdAt,
    ),
    index("sends_next_poll_idx").on(table.nextPollAt),
    index("sends_template_idx").on(table.templateUuid, table.id, table.status),
    index("sends_channel_idx").on(table.channelUuid, table.id, table.status),
    index("sends_type_idx").on(table.messageType, table.id, table.status),
    index("sends_recipient_idx").on(table.recipient, table.status),
    index("sends_broadcast_idx").on(table.broadcastId, table.status),
  ],
);

export type SendRow = typeof sends.$inferSelect;

/**
 * Every status Callbell reported for a message, by webhook or poll, kept with its raw payload. One row per (uuid,
 * status): a repeated event is recognised and dropped. Events for a uuid Bellhop does not know yet (a webhook faster
 * than Callbell's answer to the send) wait here and are applied when the send's outcome is written.
 */
export const sendEvents = sqliteTable(
  "send_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    callbellUuid: text("callbell_uuid").notNull(),
    status: text("status").notNull(),
    source: text("source", { enum: ["webhook", "poll"] }).notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    /** Whether it moved the send's status (false: a duplicate in effect, late, or after a final status). */
    applied: integer("applied", { mode: "boolean" }).notNull().default(false),
    payload: text("payload").notNull(),
  },
  (table) => [uniqueIndex("send_events_uuid_status_idx").on(table.callbellUuid, table.status)],
);

export type SendEventRow = typeof sendEvents.$inferSelect;

// Better Auth's tables (users, sessions, credentials, one-time tokens), with the admin plugin's role and ban fields.
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  createdAt: timestamp("created_at").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
  role: text("role"),
  banned: integer("banned", { mode: "boolean" }),
  banReason: text("ban_reason"),
  banExpires: timestamp("ban_expires"),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at").notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
  },
  (table) => [index("session_user_idx").on(table.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at"),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("account_user_idx").on(table.userId)],
);

export const verification = sqliteTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
  createdAt: timestamp("created_at"),
  updatedAt: timestamp("updated_at"),
});

/**
 * Bellhop's own settings, one row per key: the Callbell token (encrypted, never in clear), the account it belongs to,
 * and the chosen mode. Who changed a value, and when, is kept beside it.
 */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: text("updated_by"),
});

/**
 * A template sent to a frozen list of recipients. The list (broadcast_rows) is stored in full before the first send,
 * so a restart resumes exactly where the dispatcher was.
 */
export const broadcasts = sqliteTable("broadcasts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  createdById: text("created_by_id"),
  createdByEmail: text("created_by_email"),
  name: text("name").notNull(),
  platform: text("platform").notNull(),
  channelUuid: text("channel_uuid"),
  templateUuid: text("template_uuid").notNull(),
  templateTitle: text("template_title"),
  /** A media-header template's header type ("" for none), and the one URL used when the list has no URL column. */
  templateHeader: text("template_header").notNull().default(""),
  mediaUrl: text("media_url"),
  /** Sends started per second, as configured (default 10, at most 100). */
  ratePerSecond: integer("rate_per_second").notNull(),
  state: text("state", { enum: BROADCAST_STATES }).notNull(),
  totalRows: integer("total_rows").notNull(),
  startedAt: integer("started_at", { mode: "timestamp_ms" }),
  finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  /** The broadcast whose failed rows this one sends again. */
  retryOfId: integer("retry_of_id"),
});

export type BroadcastRow = typeof broadcasts.$inferSelect;

export const broadcastRecipients = sqliteTable(
  "broadcast_recipients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    broadcastId: integer("broadcast_id").notNull(),
    /** The row's number in the list as given (after the header), for the report. */
    rowNumber: integer("row_number").notNull(),
    phone: text("phone").notNull(),
    /** The template's values for this recipient, as a JSON array of strings. */
    values: text("values").notNull(),
    mediaUrl: text("media_url"),
    state: text("state", { enum: RECIPIENT_STATES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** When a row put back after a 429 may be tried again. */
    notBefore: integer("not_before", { mode: "timestamp_ms" }),
    sendId: integer("send_id"),
    callbellUuid: text("callbell_uuid"),
    error: text("error"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    index("broadcast_recipients_state_idx").on(table.broadcastId, table.state, table.id),
    index("broadcast_recipients_row_idx").on(table.broadcastId, table.rowNumber),
  ],
);

export type RecipientRow = typeof broadcastRecipients.$inferSelect;
