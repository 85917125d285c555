import type { CallbellClient } from "@/lib/callbell/client";
import { lookupContact } from "@/lib/contacts/lookup-contact";
import { zonedMoment } from "@/lib/format/date";
import type { SendRequest } from "./build-send-request";

/**
 * Why a scheduled message cannot go at its time because the customer's 24-hour window is closed, or null when it may
 * go. Only a free-form WhatsApp message (no template) needs the window; it is read afresh from Callbell, not from the
 * compose page's cache, since the customer may have written (or not) since it was scheduled. A window that cannot be
 * read is no reason to hold the message back: it goes, as a send from Compose would.
 */
export async function closedWindowReason(
  request: SendRequest,
  client: Pick<CallbellClient, "findContact" | "listContactMessages">,
  zone: string,
  now: number,
): Promise<string | null> {
  if (request.from !== "whatsapp" || request.template_uuid) return null;
  const recipient = request.bsuid !== undefined ? { bsuid: request.bsuid } : { phone: request.to };
  const lookup = await lookupContact(client, recipient, request.channel_uuid, now);
  if (lookup.kind !== "found" || lookup.window.state !== "closed") return null;
  const { closedAt } = lookup.window;
  const when = closedAt
    ? `the customer's 24-hour window closed on ${zonedMoment(new Date(closedAt), zone)}`
    : "the customer has not written in the last 24 hours, so the 24-hour window is closed";
  return `Not sent at its time: ${when}; only a template can be sent now.`;
}
