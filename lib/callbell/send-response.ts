import { CallbellError } from "./errors";
import type { SendResponse } from "./types";

type Contact = SendResponse["contact"];
type Body = {
  message?: { uuid?: unknown; status?: unknown; contact?: Contact; conversation?: { href?: unknown } };
  contact?: Contact;
  conversation?: { href?: unknown };
};

const text = (value: unknown) => (typeof value === "string" ? value : value == null ? "" : String(value));

/**
 * The hosts a link into Callbell's inbox may point at: Callbell's own (`dash.callbell.eu`), and the sandbox's made-up
 * one. A link elsewhere, even https, is dropped: the page would present it as "Open the conversation in Callbell".
 */
const INBOX_HOSTS = /(^|\.)callbell\.eu$|^sandbox\.callbell\.invalid$/;

/** A link into Callbell's inbox, only when it is an https address on Callbell's hosts (never `javascript:`). */
export function inboxLink(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && INBOX_HOSTS.test(url.hostname) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Reads the answer to `POST /messages/send`: `{"message":{"uuid","status"}}`, with `contact` and `conversation`
 * (`{"source","href","createdAt"}`) when `fields` asks for them, inside `message` or beside it. No uuid is an error.
 */
export function parseSendResponse(answer: unknown): SendResponse {
  const body: Body = answer && typeof answer === "object" ? answer : {};
  const uuid = text(body.message?.uuid);
  if (!uuid) {
    throw new CallbellError({
      kind: "response",
      status: 200,
      message: "Callbell accepted the request but returned no message uuid",
    });
  }
  return {
    uuid,
    status: text(body.message?.status) || "enqueued",
    contact: body.message?.contact ?? body.contact,
    conversationHref: inboxLink(body.message?.conversation?.href ?? body.conversation?.href),
    raw: answer,
  };
}

/** The inbox link of a stored answer (the history keeps Callbell's answer as it came), or null. */
export function conversationHrefOf(storedAnswer: string | null): string | null {
  if (!storedAnswer) return null;
  try {
    return parseSendResponse(JSON.parse(storedAnswer)).conversationHref;
  } catch {
    return null;
  }
}
