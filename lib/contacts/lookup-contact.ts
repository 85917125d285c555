import type { CallbellClient } from "@/lib/callbell/client";
import {
  CONVERSATION_WINDOW_MS,
  windowFromLastReceived,
  type ConversationWindow,
} from "./conversation-window";
import type { ContactLookup } from "./types";

/** Enough to find the customer's last message behind a burst of our own; beyond it the window is called unknown. */
const MAX_MESSAGE_PAGES = 3;

type ContactReader = Pick<CallbellClient, "findContact" | "listContactMessages">;

/**
 * Who the customer is and whether the 24-hour window is open. Callbell has no endpoint for the window: it is read
 * from the newest message the customer sent (`received`), paging back only as far as the last 24 hours.
 */
export async function lookupContact(
  client: ContactReader,
  recipient: { phone: string } | { bsuid: string },
  channelUuid: string | undefined,
  now: number,
): Promise<ContactLookup> {
  let contact;
  try {
    contact = await client.findContact(recipient, channelUuid);
  } catch (error) {
    return { kind: "failed", message: error instanceof Error ? error.message : "unknown error" };
  }
  if (!contact) return { kind: "not-found" };

  let window: ConversationWindow;
  try {
    window = await findWindow(client, contact.uuid, now);
  } catch (error) {
    window = {
      state: "unknown",
      reason: `the conversation could not be read (${error instanceof Error ? error.message : "unknown error"})`,
    };
  }
  return { kind: "found", contact, window };
}

async function findWindow(
  client: ContactReader,
  contactUuid: string,
  now: number,
): Promise<ConversationWindow> {
  const seen = new Set<string>();
  for (let page = 1; page <= MAX_MESSAGE_PAGES; page++) {
    const messages = await client.listContactMessages(contactUuid, page);
    const received = messages.find((message) => message.status === "received");
    if (received) return windowFromLastReceived(received.createdAt, now);
    // Callbell documents no `meta` here: the conversation ends at an empty page, or at a page already read (a
    // list that ignores `page` answers the first page again).
    const keys = messages.map((m) => `${m.uuid}|${m.createdAt}|${m.status}`);
    const repeated = keys.length > 0 && keys.every((key) => seen.has(key));
    keys.forEach((key) => seen.add(key));
    const oldest = messages.at(-1);
    const olderThanWindow =
      oldest !== undefined && Date.parse(oldest.createdAt) <= now - CONVERSATION_WINDOW_MS;
    // Past the last 24 hours without a customer message, or at the end of the conversation: the window is closed.
    if (messages.length === 0 || repeated || olderThanWindow) return windowFromLastReceived(null, now);
  }
  return {
    state: "unknown",
    reason: "the conversation has too many recent messages to find the customer's last one",
  };
}
