/**
 * What Bellhop reads of a `message_created` event a customer caused (`status: "received"`): who wrote, when, and what,
 * in a few words. Callbell documents the payload's top level only (`to`, `from`, `text`, `attachments`, `status`,
 * `channel`, `contact`, `createdAt`) and names the optional parts (`messageLocation`, `messageContactCard`,
 * `messageReplyButton`, `messageInteractiveList`) without their shape, so every field is read defensively.
 */
import { createHash } from "node:crypto";
import { isValidPhone } from "@/lib/messages/phone";

/** The kinds a reply is shown as; `text` holds it in words: the text, "location", "contact card", "button: Yes"… */
export const REPLY_KINDS = ["text", "location", "contact", "button", "list", "attachment", "other"] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** WhatsApp's longest text: a reply's words are kept up to it (the raw payload keeps everything). */
export const REPLY_TEXT_MAX = 4096;

export type ReceivedMessage = {
  dedupeKey: string;
  /** Callbell's `createdAt`, when it reads as a moment. */
  writtenAt: Date | null;
  channel: string | null;
  fromPhone: string | null;
  fromBsuid: string | null;
  fromId: string | null;
  contactUuid: string | null;
  kind: ReplyKind;
  text: string;
};

type Payload = Record<string, unknown>;

const isRecord = (value: unknown): value is Payload =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;
const firstText = (object: unknown, keys: readonly string[]): string | null =>
  isRecord(object) ? (keys.map((key) => textOf(object[key])).find((value) => value !== null) ?? null) : null;

/** Meta's BSUID: a two-letter country code, a dot, then letters, digits and dots (lib/messages/recipient.ts). */
const BSUID = /^[A-Za-z]{2}\.[A-Za-z0-9][A-Za-z0-9.]*$/;

/** A phone number as Bellhop records sends (E.164, `+` and digits) from Callbell's digits or a formatted number. */
export function phoneFrom(value: unknown): string | null {
  const text = textOf(value);
  if (!text || !/^\+?[\d\s().-]+$/.test(text)) return null;
  const phone = `+${text.replace(/\D/g, "")}`;
  return isValidPhone(phone) ? phone : null;
}

function bsuidFrom(...values: unknown[]): string | null {
  for (const value of values) {
    const text = textOf(value);
    if (text && BSUID.test(text)) return text;
  }
  return null;
}

const clip = (text: string) =>
  text.length > REPLY_TEXT_MAX ? `${text.slice(0, REPLY_TEXT_MAX - 1)}…` : text;

/** What the customer sent, in words: the first of the optional parts that is there, else the text, else a file. */
export function describeReply(payload: Payload): { kind: ReplyKind; text: string } {
  if (isRecord(payload.messageLocation)) return { kind: "location", text: "location" };
  if (payload.messageContactCard !== undefined && payload.messageContactCard !== null) {
    return { kind: "contact", text: "contact card" };
  }
  // WhatsApp's quick-reply button carries `text` and `payload`; an interactive one `title` and `id`.
  const button = payload.messageReplyButton;
  if (isRecord(button) || typeof button === "string") {
    const label =
      textOf(button) ?? firstText(button, ["text", "title", "payload", "id"]) ?? textOf(payload.text);
    return { kind: "button", text: clip(label ? `button: ${label}` : "button") };
  }
  const list = payload.messageInteractiveList;
  if (isRecord(list)) {
    const label = firstText(list, ["title", "text", "description", "id"]) ?? textOf(payload.text);
    return { kind: "list", text: clip(label ? `list: ${label}` : "list") };
  }
  const text = textOf(payload.text);
  const attachments = Array.isArray(payload.attachments) ? payload.attachments.length : 0;
  if (attachments > 0) return { kind: "attachment", text: clip(text ?? "attachment") };
  return text ? { kind: "text", text: clip(text) } : { kind: "other", text: "message" };
}

function momentOf(value: unknown): Date | null {
  const text = textOf(value);
  if (!text) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The key a repeated delivery of one message shares. Callbell documents no id for it (its conversation API has a
 * `uuid` per message, so one is used when a payload has it). Otherwise: the channel, who wrote to whom, when (Callbell's
 * `createdAt`) and everything that makes the message itself (text, attachments, the optional parts). The contact and
 * the metadata are left out: they can change between two deliveries of one message (a tag added meanwhile). Two
 * different messages share a key only if one customer sent the same thing twice within the same `createdAt`, and
 * then nothing is lost that the counts need: the send is replied either way.
 */
export function dedupeKeyOf(payload: Payload): string {
  const uuid = textOf(payload.uuid);
  if (uuid) return `uuid:${uuid}`;
  const parts = [
    payload.channel,
    payload.from,
    payload.to,
    payload.createdAt,
    payload.text,
    payload.attachments,
    payload.messageLocation,
    payload.messageContactCard,
    payload.messageReplyButton,
    payload.messageInteractiveList,
    payload.messageForward,
  ].map((part) => part ?? null);
  return `sha256:${createHash("sha256").update(JSON.stringify(parts)).digest("hex")}`;
}

/** A received message's payload, read; never throws, whatever the payload holds. */
export function readReceivedMessage(payload: Payload): ReceivedMessage {
  const contact = isRecord(payload.contact) ? payload.contact : {};
  return {
    dedupeKey: dedupeKeyOf(payload),
    writtenAt: momentOf(payload.createdAt),
    channel: textOf(payload.channel),
    fromPhone: phoneFrom(payload.from) ?? phoneFrom(contact.phoneNumber),
    fromBsuid: bsuidFrom(contact.bsuid, payload.bsuid, payload.from),
    fromId: textOf(payload.from),
    contactUuid: textOf(contact.uuid),
    ...describeReply(payload),
  };
}

/** The recipients a send to this customer would carry in Bellhop's history: its phone number, BSUID or platform id. */
export function recipientsOf(message: Pick<ReceivedMessage, "fromPhone" | "fromBsuid" | "fromId">): string[] {
  return [...new Set([message.fromPhone, message.fromBsuid, message.fromId].filter((v): v is string => !!v))];
}
