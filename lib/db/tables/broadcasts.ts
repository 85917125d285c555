import { BROADCAST_STATES, RECIPIENT_STATES } from "../constants";
import type { SchemaKit } from "../schema-kit";

export function defineBroadcastTables(k: SchemaKit) {
  /**
   * A template sent to a frozen list of recipients. The list (broadcast_rows) is stored in full before the first send,
   * so a restart resumes exactly where the dispatcher was.
   */
  const broadcasts = k.table(
    "broadcasts",
    {
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
      /** Sends started per second, as configured (default 10, at most 300). */
      ratePerSecond: k.int("rate_per_second").notNull(),
      state: k.text("state", { enum: BROADCAST_STATES }).notNull(),
      totalRows: k.int("total_rows").notNull(),
      startedAt: k.time("started_at"),
      finishedAt: k.time("finished_at"),
      /** The broadcast whose failed rows this one sends again. */
      retryOfId: k.int("retry_of_id"),
      /** The wizard's key for one confirmation: a repeated start (a double submit, a retry) finds this broadcast. */
      idempotencyKey: k.text("idempotency_key"),
      /** When a broadcast started later starts (UTC; kept after it starts), and the zone it was chosen in. */
      scheduledFor: k.time("scheduled_for"),
      scheduledZone: k.text("scheduled_zone"),
      /**
       * The hours it may send in, as JSON `{"from":"09:00","to":"20:00","zone":"Europe/Madrid","days":[1,…,7]}` (ISO
       * weekdays); null for any time. Outside them a running broadcast waits and goes on by itself.
       */
      sendingHours: k.text("sending_hours"),
      /** Why it stands where it does, when its state alone does not say (a missed start). */
      stateNote: k.text("state_note"),
    },
    (table) => [
      k.uniqueIndex("broadcasts_idempotency_key_idx").on(table.idempotencyKey),
      k.index("broadcasts_scheduled_idx").on(table.state, table.scheduledFor),
    ],
  );

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
      /** When a row put back (after a 429 or a refused connection) may be tried again. */
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

  return { broadcasts, broadcastRecipients };
}
