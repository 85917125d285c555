/** Callbell's wire types as Bellhop reads and writes them: what goes to `POST /messages/send` and what comes back. */

/** `bot_status` on a send: start or stop the conversation's bot. */
export const BOT_STATUS_VALUES = ["bot_start", "bot_end"] as const;
export type BotStatus = (typeof BOT_STATUS_VALUES)[number];

/**
 * The body of Callbell's `POST /messages/send`, as the official examples spell it. The recipient is `to` (a phone
 * number or platform identifier) or, for a WhatsApp customer known only by it, `bsuid`: never both.
 */
export type SendRequest = ({ to: string; bsuid?: never } | { bsuid: string; to?: never }) & {
  from: string;
  type: "text" | "image" | "document" | "video";
  content: { text?: string; url?: string };
  template_uuid?: string;
  optin_contact?: true;
  template_values?: string[];
  /** Required by today's API: the channel, of the `from` platform, the message goes out on. */
  channel_uuid: string;
  assigned_user?: string;
  team_uuid?: string;
  fields?: string;
  bot_status?: BotStatus;
  metadata?: Record<string, string>;
};

/** What the compose form and the builder need to know of a Callbell template. */
export type TemplateSummary = {
  uuid: string;
  title: string;
  text: string;
  /** `text`, or the media header's type: `image`, `video`, `document`. */
  templateType: string;
  category: string;
  status: string;
};

/** A Callbell contact as the compose page shows it. */
export type ContactCard = {
  uuid: string;
  name: string;
  phone: string;
  /** The customer's WhatsApp Business Suite User ID, when Callbell knows one. */
  bsuid: string | null;
  tags: string[];
  /** The agent the conversation is assigned to (email or name), if any. */
  assignedUser: string | null;
  /** A link into the Callbell inbox, when Callbell gives one. */
  conversationHref: string | null;
};

/** One message of a contact's conversation, newest first in Callbell's list. */
export type ContactMessage = { uuid: string; createdAt: string; status: string };

export type ChannelSummary = { uuid: string; title: string; type: string; main: boolean };
export type TeamSummary = { uuid: string; name: string; default: boolean };
export type TeamMember = { email: string; name: string; available: boolean };
export type AccountIdentity = { email: string; name: string };

export type SendResponse = {
  uuid: string;
  status: string;
  contact?: { uuid?: string; name?: string; phone?: string; email?: string };
  /** A link into Callbell's inbox (`message.conversation.href`), when Callbell gives one. */
  conversationHref: string | null;
  raw: unknown;
};

export type MessageStatus = { uuid: string; status: string; payload: unknown };

/** One delivery from Callbell's webhook log, without its payload: that holds customer data and stays on the server. */
export type WebhookDelivery = {
  event: string;
  success: boolean;
  /** The HTTP status Bellhop (or whatever the webhook points at) answered; null when Callbell gives none. */
  code: number | null;
  createdAt: string;
};

export type WebhookDeliveryPage = { events: WebhookDelivery[]; pages: number };

export type WebhookDeliveryQuery = { status?: "failed" | "success"; page?: number; items?: number };
