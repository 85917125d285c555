// The history of sends: a send, and every delivery status Callbell reported for it.
import { sql } from "drizzle-orm";
import { SEND_STATUSES } from "../constants";
import type { SchemaKit } from "../schema-kit";

export function defineSendTables(k: SchemaKit) {
  const sends = k.table(
    "sends",
    {
      id: k.id("id"),
      /**
       * Chosen by the browser per send (by the dispatcher per broadcast row); a repeated attempt finds this row instead
       * of sending again.
       */
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
      /** The attempts this row has made: a broadcast row refused with a 429 is sent again later on the same row. */
      attempts: k.int("attempts").notNull().default(1),
      /** The attempts before the last, as JSON `[{at, status, message}]` (`lib/messages/send-attempts.ts`). */
      attemptLog: k.text("attempt_log"),
      /** A message sent later: when it fires (UTC), the zone the agent chose it in, and the form to send then. */
      scheduledFor: k.time("scheduled_for"),
      scheduledZone: k.text("scheduled_zone"),
      scheduledForm: k.text("scheduled_form"),
      /** When the customer first answered it (lib/replies/record-reply.ts); null: no reply known. */
      repliedAt: k.time("replied_at"),
    },
    (table) => [
      // Each filter of the history has an index led by its column, then the id (a page reads it newest first and stops
      // at 50), then the status (counting per status reads the index alone; see lib/db/history-counts.ts).
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
      // The scheduler's one read a second: the earliest scheduled message (and the claim of the due ones).
      k.index("sends_scheduled_idx").on(table.status, table.scheduledFor),
      // Replied sends only (few of all): the history's Replied filter, newest first, and a broadcast's replies.
      k
        .index("sends_replied_idx")
        .on(table.id)
        .where(sql`${table.repliedAt} is not null`),
      k
        .index("sends_broadcast_replied_idx")
        .on(table.broadcastId, table.repliedAt)
        .where(sql`${table.repliedAt} is not null`),
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

  return { sends, sendEvents };
}
