// What customers wrote back: every `message_created` event Callbell sent with `status: "received"`.
import type { SchemaKit } from "../schema-kit";

export function defineReplyTables(k: SchemaKit) {
  /**
   * A message a customer sent, kept with the raw payload, and the Bellhop send it answers: the latest one to that
   * customer (phone number or BSUID) in the 72 hours before it, or null when Bellhop wrote to them in none (kept and
   * counted all the same). Callbell's payload has no documented id, so a repeated delivery is recognised by
   * `dedupe_key` (lib/replies/read-received-message.ts says how it is made).
   */
  const receivedMessages = k.table(
    "received_messages",
    {
      id: k.id("id"),
      dedupeKey: k.text("dedupe_key").notNull(),
      /** When Bellhop's webhook got it. */
      receivedAt: k.time("received_at").notNull(),
      /** Callbell's `createdAt` (when the customer wrote), null when it could not be read. */
      writtenAt: k.time("written_at"),
      /** Callbell's `channel`: whatsapp, instagram, facebook, telegram. */
      channel: k.text("channel"),
      /** Who wrote: a phone number in E.164, a BSUID, and Callbell's own `from` as it came. */
      fromPhone: k.text("from_phone"),
      fromBsuid: k.text("from_bsuid"),
      fromId: k.text("from_id"),
      contactUuid: k.text("contact_uuid"),
      /** text, location, contact, button, list, attachment or other; `text` says it in words ("button: Yes"). */
      kind: k.text("kind").notNull(),
      text: k.text("text").notNull(),
      /** The send it answers; null: Bellhop wrote to this customer in none of the 72 hours before. */
      sendId: k.int("send_id"),
      payload: k.text("payload").notNull(),
    },
    (table) => [
      k.uniqueIndex("received_messages_dedupe_idx").on(table.dedupeKey),
      k.index("received_messages_send_idx").on(table.sendId),
    ],
  );

  return { receivedMessages };
}
