import { SANDBOX_BUSINESS_NUMBER, SANDBOX_CHANNELS, SANDBOX_CONTACTS, type SandboxContact } from "./data";
import { isoSeconds, json } from "./http";

/** Callbell's page size for a conversation is not documented; a small one makes paging easy to try. */
export const SANDBOX_MESSAGES_PAGE_SIZE = 3;

/** Callbell links into its inbox; the sandbox has none, so its links use a reserved host that reaches nothing. */
const INBOX = "https://sandbox.callbell.invalid";

const notFound = () => json(404, { error: "Contact not found" });

/** The sandbox contact a send goes to: by phone number (any formatting) or by BSUID. */
export function findSandboxContact(recipient: string): SandboxContact | undefined {
  const digits = recipient.replace(/\D/g, "");
  return SANDBOX_CONTACTS.find(
    (c) => c.bsuid === recipient || (c.phoneNumber !== null && digits !== "" && c.phoneNumber === digits),
  );
}

/** The contact object with exactly the keys of Callbell's examples; `bsuid` only when the contact has one. */
function contactObject(contact: SandboxContact) {
  const { uuid, name, phoneNumber, createdAt, tags, assignedUser, customFields, bsuid } = contact;
  return {
    uuid,
    name,
    phoneNumber,
    avatarUrl: null,
    createdAt,
    source: "whatsapp",
    href: `${INBOX}/contacts/${uuid}`,
    conversationHref: `${INBOX}/chat/${uuid}`,
    tags: [...tags],
    assignedUser,
    customFields: { ...customFields },
    ...(bsuid ? { bsuid } : {}),
  };
}

/** `GET /contacts/phone/:phone`: digits with or without `+`; a `channel_uuid` that is no WhatsApp channel finds no one. */
export function contactByPhone(phone: string, channelUuid: string | null): Response {
  const digits = phone.replace(/\D/g, "");
  if (channelUuid !== null) {
    const channel = SANDBOX_CHANNELS.find((c) => c.uuid === channelUuid);
    if (channel?.type !== "whatsapp") return notFound();
  }
  const contact = SANDBOX_CONTACTS.find((c) => c.phoneNumber !== null && c.phoneNumber === digits);
  return contact ? json(200, { contact: contactObject(contact) }) : notFound();
}

export function contactByBsuid(bsuid: string): Response {
  const contact = SANDBOX_CONTACTS.find((c) => c.bsuid !== undefined && c.bsuid === bsuid);
  return contact ? json(200, { contact: contactObject(contact) }) : notFound();
}

/** `GET /contacts/:uuid/messages`: newest first, a fixed page size, and no `meta`, as documented. */
export function contactMessages(uuid: string, page: number, now = Date.now()): Response {
  const contact = SANDBOX_CONTACTS.find((c) => c.uuid === uuid);
  if (!contact) return notFound();
  const customer = contact.phoneNumber ?? contact.bsuid ?? "";
  const messages = contact.conversation.map((line, index) => {
    const createdAt = isoSeconds(now - line.hoursAgo * 3_600_000);
    const base = { text: line.text, createdAt, status: line.status, channel: "whatsapp" };
    // A note has no uuid and names the customer on both sides, as in Callbell's example.
    if (line.status === "note") return { ...base, from: customer, to: customer };
    const ends =
      line.status === "sent"
        ? { from: SANDBOX_BUSINESS_NUMBER, to: customer }
        : { from: customer, to: SANDBOX_BUSINESS_NUMBER };
    return { ...base, uuid: `${uuid.slice(0, 24)}${String(index).padStart(8, "0")}`, ...ends };
  });
  const start = (page - 1) * SANDBOX_MESSAGES_PAGE_SIZE;
  return json(200, { messages: messages.slice(start, start + SANDBOX_MESSAGES_PAGE_SIZE) });
}

/** What `fields=contact,conversation` adds to a send's answer, in the documented shapes. */
export function sendExtras(fields: unknown, recipient: string, from: string, now = Date.now()) {
  const wanted = typeof fields === "string" ? fields.split(",").map((f) => f.trim()) : [];
  const known = findSandboxContact(recipient);
  const contactUuid = known?.uuid ?? `c0${recipient.replace(/\D/g, "").padStart(30, "0").slice(-30)}`;
  const extras: Record<string, unknown> = {};
  if (wanted.includes("conversation")) {
    extras.conversation = { source: from, href: `${INBOX}/chat/${contactUuid}`, createdAt: isoSeconds(now) };
  }
  if (wanted.includes("contact")) {
    const name = known?.name ?? "Sandbox Customer";
    extras.contact = {
      uuid: contactUuid,
      name,
      // The send answer's example writes the phone with `+`, unlike the contact endpoints.
      phone: known ? known.phoneNumber && `+${known.phoneNumber}` : recipient,
      email: `${name.toLowerCase().replace(/\s+/g, ".")}@example.com`,
    };
  }
  return extras;
}
