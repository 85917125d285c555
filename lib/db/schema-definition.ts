/**
 * Bellhop's tables, written once for both databases. `defineSchema` takes a kit of column builders (SQLite's or
 * PostgreSQL's, below) and returns the tables; `schema.sqlite.ts` and `schema.pg.ts` each call it once, for drizzle-kit
 * and the client. Typed as SQLite's tables: the queries are written once against that shape, and PostgreSQL's tables
 * have the same names, columns and JavaScript values (ids are numbers, times are Dates, flags are booleans).
 */
import * as pg from "drizzle-orm/pg-core";
import * as sqlite from "drizzle-orm/sqlite-core";
import { AUDIT_KINDS, BROADCAST_STATES, RECIPIENT_STATES, SEND_STATUSES } from "./constants";

export const sqliteKit = {
  table: sqlite.sqliteTable,
  /** An id the database numbers. */
  id: (name: string) => sqlite.integer(name).primaryKey({ autoIncrement: true }),
  text: sqlite.text,
  int: (name: string) => sqlite.integer(name),
  /** A moment, read and written as a Date (milliseconds in SQLite, timestamptz in PostgreSQL). */
  time: (name: string) => sqlite.integer(name, { mode: "timestamp_ms" }),
  bool: (name: string) => sqlite.integer(name, { mode: "boolean" }),
  /** Milliseconds since 1970 as a plain number, for arithmetic in SQL that reads the same in both databases. */
  millis: (name: string) => sqlite.integer(name),
  index: sqlite.index,
  uniqueIndex: sqlite.uniqueIndex,
};

export type SchemaKit = typeof sqliteKit;

export const pgKit = {
  table: pg.pgTable,
  id: (name: string) => pg.integer(name).primaryKey().generatedByDefaultAsIdentity(),
  text: pg.text,
  int: (name: string) => pg.integer(name),
  time: (name: string) => pg.timestamp(name, { withTimezone: true, mode: "date", precision: 3 }),
  bool: (name: string) => pg.boolean(name),
  millis: (name: string) => pg.bigint(name, { mode: "number" }),
  index: pg.index,
  uniqueIndex: pg.uniqueIndex,
} as unknown as SchemaKit;

export function defineSchema(k: SchemaKit) {
  const sends = k.table(
    "sends",
    {
      id: k.id("id"),
      /** Chosen by the browser per attempt; a repeated attempt finds this row instead of sending again. */
      idempotencyKey: k.text("idempotency_key").notNull().unique(),
      createdAt: k.time("created_at").notNull(),
      updatedAt: k.time("updated_at").notNull(),
      recipient: k.text("recipient").notNull(),
      platform: k.text("platform").notNull(),
      /** The type as the agent chose it (audio, video), which Callbell's `type` does not keep. */
      messageType: k.text("message_type").notNull(),
      channelUuid: k.text("channel_uuid"),
      templateUuid: k.text("template_uuid"),
      templateTitle: k.text("template_title"),
      /** How many values a template send carried: the body alone cannot tell one value from a template's own text. */
      templateValueCount: k.int("template_value_count"),
      /** The JSON body sent to Callbell; it never holds the token. */
      requestBody: k.text("request_body").notNull(),
      status: k.text("status", { enum: SEND_STATUSES }).notNull(),
      callbellUuid: k.text("callbell_uuid"),
      responseBody: k.text("response_body"),
      errorMessage: k.text("error_message"),
      errorStatus: k.int("error_status"),
      contactName: k.text("contact_name"),
      /** Who pressed Send: the account's id, and its email as it was then (null for sends before sign-in existed). */
      senderId: k.text("sender_id"),
      senderEmail: k.text("sender_email"),
      /** Why Callbell says it failed (or was corrected), in words read from the status payload. */
      statusReason: k.text("status_reason"),
      /** When the status last changed by Callbell's word (webhook or poll). */
      statusUpdatedAt: k.time("status_updated_at"),
      /** When the poller asks Callbell next, and how often it has asked (its backoff). Null: not polled. */
      nextPollAt: k.time("next_poll_at"),
      pollCount: k.int("poll_count").notNull().default(0),
      /** The broadcast and row this send belongs to; null for a send from the compose page. */
      broadcastId: k.int("broadcast_id"),
      broadcastRowId: k.int("broadcast_row_id"),
      /** The Bellhop instance that is sending it (while `sending`): if that instance dies, the send becomes unknown. */
      claimedBy: k.text("claimed_by"),
    },
    (table) => [
      // Each filter of the history has an index led by its column, then the id (a page reads it newest first and stops
      // at 50), then the status (counting per status reads the index alone; see countSendsByStatus).
      k.index("sends_created_at_idx").on(table.createdAt, table.status),
      k.index("sends_callbell_uuid_idx").on(table.callbellUuid),
      k.index("sends_sender_idx").on(table.senderId, table.id, table.status),
      // Every filter column, so a search by status skips the rows the other filters refuse inside the index.
      k
        .index("sends_status_idx")
        .on(
          table.status,
          table.id,
          table.messageType,
          table.platform,
          table.templateUuid,
          table.channelUuid,
          table.senderId,
          table.createdAt,
        ),
      k.index("sends_next_poll_idx").on(table.nextPollAt),
      k.index("sends_template_idx").on(table.templateUuid, table.id, table.status),
      k.index("sends_channel_idx").on(table.channelUuid, table.id, table.status),
      k.index("sends_type_idx").on(table.messageType, table.id, table.status),
      k.index("sends_recipient_idx").on(table.recipient, table.status),
      k.index("sends_broadcast_idx").on(table.broadcastId, table.status),
    ],
  );

  /**
   * Every status Callbell reported for a message, by webhook or poll, kept with its raw payload. One row per (uuid,
   * status): a repeated event is recognised and dropped. Events for a uuid Bellhop does not know yet (a webhook faster
   * than Callbell's answer to the send) wait here and are applied when the send's outcome is written.
   */
  const sendEvents = k.table(
    "send_events",
    {
      id: k.id("id"),
      callbellUuid: k.text("callbell_uuid").notNull(),
      status: k.text("status").notNull(),
      source: k.text("source", { enum: ["webhook", "poll"] }).notNull(),
      receivedAt: k.time("received_at").notNull(),
      /** Whether it moved the send's status (false: a duplicate in effect, late, or after a final status). */
      applied: k.bool("applied").notNull().default(false),
      payload: k.text("payload").notNull(),
    },
    (table) => [k.uniqueIndex("send_events_uuid_status_idx").on(table.callbellUuid, table.status)],
  );

  // Better Auth's tables (users, sessions, credentials, one-time tokens), with the admin plugin's role and ban fields.

  const user = k.table("user", {
    id: k.text("id").primaryKey(),
    name: k.text("name").notNull(),
    email: k.text("email").notNull().unique(),
    emailVerified: k.bool("email_verified").notNull().default(false),
    image: k.text("image"),
    createdAt: k.time("created_at").notNull(),
    updatedAt: k.time("updated_at").notNull(),
    role: k.text("role"),
    banned: k.bool("banned"),
    banReason: k.text("ban_reason"),
    banExpires: k.time("ban_expires"),
  });

  const session = k.table(
    "session",
    {
      id: k.text("id").primaryKey(),
      expiresAt: k.time("expires_at").notNull(),
      token: k.text("token").notNull().unique(),
      createdAt: k.time("created_at").notNull(),
      updatedAt: k.time("updated_at").notNull(),
      ipAddress: k.text("ip_address"),
      userAgent: k.text("user_agent"),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => user.id, { onDelete: "cascade" }),
      impersonatedBy: k.text("impersonated_by"),
    },
    (table) => [k.index("session_user_idx").on(table.userId)],
  );

  const account = k.table(
    "account",
    {
      id: k.text("id").primaryKey(),
      accountId: k.text("account_id").notNull(),
      providerId: k.text("provider_id").notNull(),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => user.id, { onDelete: "cascade" }),
      accessToken: k.text("access_token"),
      refreshToken: k.text("refresh_token"),
      idToken: k.text("id_token"),
      accessTokenExpiresAt: k.time("access_token_expires_at"),
      refreshTokenExpiresAt: k.time("refresh_token_expires_at"),
      scope: k.text("scope"),
      password: k.text("password"),
      createdAt: k.time("created_at").notNull(),
      updatedAt: k.time("updated_at").notNull(),
    },
    (table) => [k.index("account_user_idx").on(table.userId)],
  );

  const verification = k.table("verification", {
    id: k.text("id").primaryKey(),
    identifier: k.text("identifier").notNull(),
    value: k.text("value").notNull(),
    expiresAt: k.time("expires_at").notNull(),
    createdAt: k.time("created_at"),
    updatedAt: k.time("updated_at"),
  });

  /**
   * Bellhop's own settings, one row per key: the Callbell token (encrypted, never in clear), the account it belongs to,
   * and the chosen mode. Who changed a value, and when, is kept beside it.
   */
  const settings = k.table("settings", {
    key: k.text("key").primaryKey(),
    value: k.text("value").notNull(),
    updatedAt: k.time("updated_at").notNull(),
    updatedBy: k.text("updated_by"),
  });

  /**
   * A template sent to a frozen list of recipients. The list (broadcast_rows) is stored in full before the first send,
   * so a restart resumes exactly where the dispatcher was.
   */
  const broadcasts = k.table("broadcasts", {
    id: k.id("id"),
    createdAt: k.time("created_at").notNull(),
    updatedAt: k.time("updated_at").notNull(),
    createdById: k.text("created_by_id"),
    createdByEmail: k.text("created_by_email"),
    name: k.text("name").notNull(),
    platform: k.text("platform").notNull(),
    channelUuid: k.text("channel_uuid"),
    templateUuid: k.text("template_uuid").notNull(),
    templateTitle: k.text("template_title"),
    /** A media-header template's header type ("" for none), and the one URL used when the list has no URL column. */
    templateHeader: k.text("template_header").notNull().default(""),
    mediaUrl: k.text("media_url"),
    /** Sends started per second, as configured (default 10, at most 100). */
    ratePerSecond: k.int("rate_per_second").notNull(),
    state: k.text("state", { enum: BROADCAST_STATES }).notNull(),
    totalRows: k.int("total_rows").notNull(),
    startedAt: k.time("started_at"),
    finishedAt: k.time("finished_at"),
    /** The broadcast whose failed rows this one sends again. */
    retryOfId: k.int("retry_of_id"),
  });

  const broadcastRecipients = k.table(
    "broadcast_recipients",
    {
      id: k.id("id"),
      broadcastId: k.int("broadcast_id").notNull(),
      /** The row's number in the list as given (after the header), for the report. */
      rowNumber: k.int("row_number").notNull(),
      phone: k.text("phone").notNull(),
      /** The template's values for this recipient, as a JSON array of strings. */
      values: k.text("values").notNull(),
      mediaUrl: k.text("media_url"),
      state: k.text("state", { enum: RECIPIENT_STATES }).notNull(),
      attempts: k.int("attempts").notNull().default(0),
      /** When a row put back after a 429 may be tried again. */
      notBefore: k.time("not_before"),
      sendId: k.int("send_id"),
      callbellUuid: k.text("callbell_uuid"),
      /** The Bellhop instance that claimed it (while `sending`). */
      claimedBy: k.text("claimed_by"),
      error: k.text("error"),
      updatedAt: k.time("updated_at").notNull(),
    },
    (table) => [
      k.index("broadcast_recipients_state_idx").on(table.broadcastId, table.state, table.id),
      k.index("broadcast_recipients_row_idx").on(table.broadcastId, table.rowNumber),
      // Every instance looks for rows left in flight by a stopped one every few seconds (state = 'sending').
      k.index("broadcast_recipients_in_flight_idx").on(table.state),
    ],
  );

  /**
   * Named leases with an expiry, for work several instances share: each instance holds `instance:<id>` while it lives
   * (what it has in flight is unknown once that expires), and one instance at a time holds `poller`.
   */
  const leases = k.table("leases", {
    name: k.text("name").primaryKey(),
    holder: k.text("holder").notNull(),
    expiresAt: k.millis("expires_at").notNull(),
  });

  /** Shared paces: the next moment (ms) at which a `key` (a broadcast's sends) may start one more. */
  const paces = k.table("paces", {
    key: k.text("key").primaryKey(),
    nextAt: k.millis("next_at").notNull(),
  });

  /** Failed sign-ins, per account and per address, for the throttle every instance applies. */
  const signInFailures = k.table(
    "sign_in_failures",
    {
      id: k.id("id"),
      key: k.text("key").notNull(),
      at: k.millis("at").notNull(),
    },
    (table) => [k.index("sign_in_failures_key_idx").on(table.key, table.at)],
  );

  /**
   * When Callbell last reached the webhook, one row per kind: `event` (a request that carried an event, with its name)
   * and `check` (one that carried none: Callbell's health check). Upserted per request, so every instance and the
   * Settings page see the same answer.
   */
  const webhookReceipts = k.table("webhook_receipts", {
    kind: k.text("kind", { enum: ["event", "check"] }).primaryKey(),
    event: k.text("event"),
    receivedAt: k.time("received_at").notNull(),
  });

  /**
   * The audit trail: who did what, when, from which address. Append-only: Bellhop inserts rows and never updates or
   * deletes one (lib/db/audit-queries.ts has no such query). `detail` is a short JSON object of what changed; it never
   * holds a token or a password.
   */
  const auditEntries = k.table(
    "audit_entries",
    {
      id: k.id("id"),
      at: k.time("at").notNull(),
      kind: k.text("kind", { enum: AUDIT_KINDS }).notNull(),
      /** The account that acted; null for a failed sign-in with an email no account has. */
      actorId: k.text("actor_id"),
      /** The actor's email as it was then, lower-cased (for a failed sign-in: the email that was tried). */
      actorEmail: k.text("actor_email").notNull(),
      /** The client address, as the edge settled it (lib/security/client-address.ts). */
      address: k.text("address").notNull(),
      detail: k.text("detail").notNull().default("{}"),
    },
    (table) => [
      // Newest first is the primary key read backwards; each filter has an index led by its column, then the id.
      k.index("audit_entries_actor_idx").on(table.actorEmail, table.id),
      k.index("audit_entries_kind_idx").on(table.kind, table.id),
      // Has this email signed in from this address before (the sign-in throttle asks on every attempt)?
      k.index("audit_entries_sign_in_idx").on(table.actorEmail, table.kind, table.address),
    ],
  );

  return {
    sends,
    sendEvents,
    user,
    session,
    account,
    verification,
    settings,
    broadcasts,
    broadcastRecipients,
    leases,
    paces,
    signInFailures,
    webhookReceipts,
    auditEntries,
  };
}
