import { SANDBOX_CONTACTS } from "./data";

/**
 * The events the sandbox sends to its webhook, shaped as Callbell's documented examples
 * (webhooks/message_events/message_created.md and message_status_updated.md).
 */

export type WebhookEvent = { event: string; payload: Record<string, unknown> };

/** What the sandbox knows of a message it accepted. */
export type SandboxSentMessage = { uuid: string; to: string; createdAt: number };

/** The sandbox channel's own number: the `from` of every message it sends (its channels have titles only). */
export const SANDBOX_CHANNEL_NUMBER = "15550001000";

/** A failure as WhatsApp reports it inside the raw payload; Bellhop reads its reason in words. */
export const SANDBOX_FAILURE = { code: 1002, reason: "Number does not exist on WhatsApp" } as const;

const digits = (phone: string) => phone.replace(/\D/g, "");
const iso = (ms: number) => new Date(ms).toISOString();

/** The contact in a webhook: the sandbox's known customers, or one made up for any other number. */
export function webhookContact(to: string) {
  const known = SANDBOX_CONTACTS.find((contact) => digits(contact.phoneNumber) === digits(to));
  const uuid = known?.uuid ?? `contact${digits(to)}`;
  // The simulator has no inbox: its links name a host that never leaves the process.
  return {
    href: `http://sandbox.bellhop.internal/contacts/${uuid}`,
    conversationHref: `http://sandbox.bellhop.internal/chat/${uuid}`,
    name: known?.name ?? "Sandbox Customer",
    tags: known ? [...known.tags] : [],
    uuid,
    source: "whatsapp",
    avatarUrl: null,
    createdAt: "2026-01-15T09:00:00Z",
    // Webhooks give the number as digits only, unlike the contacts endpoint.
    phoneNumber: digits(to),
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
      to: digits(message.to),
      from: SANDBOX_CHANNEL_NUMBER,
      text: typeof content.text === "string" ? content.text : "",
      attachments: typeof content.url === "string" ? [content.url] : [],
      status: "sent",
      channel: typeof send.from === "string" ? send.from : "whatsapp",
      contact: webhookContact(message.to),
      createdAt: iso(message.createdAt),
      ...(hasMetadata(send.metadata) ? { metadata: send.metadata } : {}),
    },
  };
}

/** `message_status_updated`, with the raw provider event as Callbell forwards it (ids derived from the uuid). */
export function messageStatusUpdatedEvent(
  message: SandboxSentMessage,
  status: string,
  metadata: unknown,
  at: number,
): WebhookEvent {
  const gsId = message.uuid.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
  return {
    event: "message_status_updated",
    payload: {
      uuid: message.uuid,
      status,
      ...(hasMetadata(metadata) ? { metadata } : {}),
      contact: webhookContact(message.to),
      messageStatusPayload: {
        id: `gBGG${Buffer.from(message.uuid, "hex").toString("base64url").slice(0, 23)}`,
        gsId,
        type: status,
        payload: { ts: Math.floor(at / 1000), ...(status === "failed" ? SANDBOX_FAILURE : {}) },
        destination: digits(message.to),
      },
    },
  };
}
