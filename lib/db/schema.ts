import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Where a send stands: ours until Callbell answers, then Callbell's delivery statuses. */
export const SEND_STATUSES = [
  "sending",
  "enqueued",
  "rejected",
  "unknown",
  "sent",
  "delivered",
  "read",
  "failed",
  "mismatch",
] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

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
  },
  (table) => [
    index("sends_created_at_idx").on(table.createdAt),
    index("sends_callbell_uuid_idx").on(table.callbellUuid),
  ],
);

export type SendRow = typeof sends.$inferSelect;
