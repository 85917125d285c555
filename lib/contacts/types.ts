import type { ContactCard, ContactMessage } from "@/lib/callbell/types";
import type { ConversationWindow } from "./conversation-window";

export type { ContactCard, ContactMessage };

/** What `GET /api/contacts/lookup` answers for a WhatsApp number or BSUID. */
export type ContactLookup =
  | { kind: "found"; contact: ContactCard; window: ConversationWindow }
  | { kind: "not-found" }
  | { kind: "failed"; message: string };
