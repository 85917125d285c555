import "server-only";
import type { Database } from "@/lib/db/client";
import { findReceivedMessageByKey, insertReceivedMessage, markSendReplied } from "@/lib/db/reply-queries";
import { readReceivedMessage, recipientsOf } from "./read-received-message";

/** A reply answers the latest send to its customer made at most this long before it. */
export const REPLY_WINDOW_MS = 72 * 60 * 60 * 1000;

const PLATFORMS = ["whatsapp", "instagram", "facebook", "telegram"];

/**
 * When the customer wrote, by Callbell's clock; never later than it reached Bellhop (a clock ahead would else link a
 * reply to a send made after it).
 */
const replyMoment = (writtenAt: Date | null, receivedAt: Date) =>
  writtenAt && writtenAt <= receivedAt ? writtenAt : receivedAt;

export type ReplyResult = { kind: "duplicate" } | { kind: "linked"; sendId: number } | { kind: "unlinked" };

/**
 * One message a customer sent (`message_created` with `status: "received"`): kept with its raw payload, and linked
 * to the latest Bellhop send to that customer (by phone number or BSUID) in the 72 hours before the customer wrote,
 * which is then marked replied. A message that answers none is kept all the same, unlinked; a repeated delivery is
 * recognised by its dedupe key and changes nothing.
 */
export async function recordReceivedMessage(
  db: Database,
  payload: Record<string, unknown>,
  now = new Date(),
): Promise<ReplyResult> {
  const message = readReceivedMessage(payload);
  const at = replyMoment(message.writtenAt, now);
  const kept = await insertReceivedMessage(
    db,
    { ...message, receivedAt: now, payload: JSON.stringify(payload) },
    {
      recipients: recipientsOf(message),
      platform: message.channel && PLATFORMS.includes(message.channel) ? message.channel : null,
      since: new Date(at.getTime() - REPLY_WINDOW_MS),
      until: at,
    },
  );
  if (kept === null) {
    // Kept before, but the mark on its send may not have been written (the first delivery failed in between).
    const first = await findReceivedMessageByKey(db, message.dedupeKey);
    if (first?.sendId)
      await markSendReplied(db, first.sendId, replyMoment(first.writtenAt, first.receivedAt));
    return { kind: "duplicate" };
  }
  if (kept.sendId === null) return { kind: "unlinked" };
  await markSendReplied(db, kept.sendId, at);
  return { kind: "linked", sendId: kept.sendId };
}
