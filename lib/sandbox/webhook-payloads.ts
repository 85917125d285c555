/**
 * The events the sandbox sends to its webhook, shaped as Callbell's documented examples
 * (webhooks/message_events/message_created.md and message_status_updated.md).
 */
import { findSandboxContact } from "./contacts";
import { SANDBOX_BUSINESS_NUMBER } from "./data";
import { SANDBOX_REPLY_TEXT } from "./repliers";

export type WebhookEvent = { event: string; payload: Record<string, unknown> };

/** What the sandbox knows of a message it accepted (its SandboxMessage). */
export type SandboxSentMessage = {
  uuid: string;
  to: string;
  from: string;
  createdAt: number;
  providerId: string;
  whatsappMessageId: string;
};

/** A failure as WhatsApp reports it inside the raw payload; Bellhop reads its reason in words. */
export const SANDBOX_FAILURE = { code: 1002, reason: "Number does not exist on WhatsApp" } as const;

/** Callbell links into its inbox; the sandbox has none, so its links use a reserved host that reaches nothing. */
const INBOX = "https://sandbox.callbell.invalid";

const isPhone = (recipient: string) => /^\+?[\d\s().-]+$/.test(recipient);
/** Webhooks give a number as digits only; a customer known by BSUID alone keeps that. */
const identifier = (recipient: string) => (isPhone(recipient) ? recipient.replace(/\D/g, "") : recipient);

/** The contact in a webhook, with the keys of the documented examples: the sandbox's customer, or one made up. */
export function webhookContact(recipient: string) {
  const known = findSandboxContact(recipient);
  const uuid = known?.uuid ?? `contact${recipient.replace(/\W/g, "").toLowerCase()}`;
  return {
    href: `${INBOX}/contacts/${uuid}`,
    conversationHref: `${INBOX}/chat/${uuid}`,
    name: known?.name ?? "Sandbox Customer",
    tags: known ? [...known.tags] : [],
    uuid,
    source: "whatsapp",
    avatarUrl: null,
    createdAt: known?.createdAt ?? "2026-01-15T09:00:00Z",
    phoneNumber: known ? known.phoneNumber : isPhone(recipient) ? identifier(recipient) : null,
  };
}

const hasMetadata = (metadata: unknown) =>
  typeof metadata === "object" && metadata !== null && Object.keys(metadata).length > 0;

/** `message_created` for a message the sandbox sent, from the body of its `POST /messages/send`. */
export function messageCreatedEvent(
  message: SandboxSentMessage,
  send: Record<string, unknown>,
): WebhookEvent {
  const content = (typeof send.content === "object" && send.content !== null ? send.content : {}) as {
    text?: unknown;
    url?: unknown;
  };
  return {
    event: "message_created",
    payload: {
      to: identifier(message.to),
      from: SANDBOX_BUSINESS_NUMBER,
      text: typeof content.text === "string" ? content.text : "",
      attachments: typeof content.url === "string" ? [content.url] : [],
      status: "sent",
      channel: message.from,
      contact: webhookContact(message.to),
      createdAt: new Date(message.createdAt).toISOString(),
      ...(hasMetadata(send.metadata) ? { metadata: send.metadata } : {}),
    },
  };
}

/**
 * `message_status_updated`, with the raw provider event as the example shows it: `id` is WhatsApp's message id and
 * `gsId` the provider's (GET /messages/status gives the same two ids, as `payload.whatsappMessageId` and `id`).
 */
export function messageStatusUpdatedEvent(
  message: SandboxSentMessage,
  status: string,
  metadata: unknown,
  at: number,
): WebhookEvent {
  return {
    event: "message_status_updated",
    payload: {
      uuid: message.uuid,
      status,
      ...(hasMetadata(metadata) ? { metadata } : {}),
      contact: webhookContact(message.to),
      messageStatusPayload: {
        id: message.whatsappMessageId,
        gsId: message.providerId,
        type: status,
        payload: { ts: Math.floor(at / 1000), ...(status === "failed" ? SANDBOX_FAILURE : {}) },
        destination: identifier(message.to),
      },
    },
  };
}

/** Where the sandbox's location reply points: Callbell does not document `messageLocation`'s keys, WhatsApp's are these. */
export const SANDBOX_LOCATION = {
  latitude: 52.3731,
  longitude: 4.8926,
  name: "Dam Square",
  address: "Dam, 1012 JS Amsterdam",
} as const;

/**
 * `message_created` for a customer's answer to a message the sandbox sent (`status: "received"`, from the customer to
 * the business): "Yes, please", or a location with no text, as WhatsApp sends one.
 */
export function messageReceivedEvent(
  message: SandboxSentMessage,
  kind: "text" | "location",
  at: number,
): WebhookEvent {
  return {
    event: "message_created",
    payload: {
      to: SANDBOX_BUSINESS_NUMBER,
      from: identifier(message.to),
      text: kind === "text" ? SANDBOX_REPLY_TEXT : "",
      attachments: [],
      status: "received",
      channel: message.from,
      contact: webhookContact(message.to),
      createdAt: new Date(at).toISOString(),
      ...(kind === "location" ? { messageLocation: SANDBOX_LOCATION } : {}),
    },
  };
}
