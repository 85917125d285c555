import { CallbellError } from "./errors";
import type { SendResponse } from "./types";

type Contact = SendResponse["contact"];
type Body = {
  message?: { uuid?: unknown; status?: unknown; contact?: Contact; conversation?: { href?: unknown } };
  contact?: Contact;
  conversation?: { href?: unknown };
};

const text = (value: unknown) => (typeof value === "string" ? value : value == null ? "" : String(value));

/** A link into Callbell's inbox, only when it is an https address (never `javascript:` or the like). */
export function inboxLink(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    return new URL(value).protocol === "https:" ? value : null;
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
