import type { ConversationWindow } from "./conversation-window";

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

/** What `GET /api/contacts/lookup` answers for a WhatsApp number or BSUID. */
export type ContactLookup =
  | { kind: "found"; contact: ContactCard; window: ConversationWindow }
  | { kind: "not-found" }
  | { kind: "failed"; message: string };

/** One message of a contact's conversation, newest first in Callbell's list. */
export type ContactMessage = { uuid: string; createdAt: string; status: string };
