import { describe, expect, it } from "vitest";
import { conversationHrefOf, inboxLink, parseSendResponse } from "./send-response";

describe("the answer to a send", () => {
  it("reads the documented answer, and the contact and conversation that fields asks for", () => {
    expect(parseSendResponse({ message: { uuid: "adf3", status: "enqueued" } })).toMatchObject({
      uuid: "adf3",
      status: "enqueued",
      conversationHref: null,
    });
    const answer = {
      message: {
        uuid: "adf3",
        status: "enqueued",
        contact: { uuid: "c1", name: "Ana" },
        conversation: { source: "whatsapp", href: "https://dashboard.callbell.eu/chat/c1", createdAt: "…" },
      },
    };
    expect(parseSendResponse(answer)).toEqual({
      uuid: "adf3",
      status: "enqueued",
      contact: { uuid: "c1", name: "Ana" },
      conversationHref: "https://dashboard.callbell.eu/chat/c1",
      raw: answer,
    });
  });
  it("fails without a uuid", () => {
    expect(() => parseSendResponse({ message: { status: "enqueued" } })).toThrow(/no message uuid/);
    expect(() => parseSendResponse(null)).toThrow(/no message uuid/);
  });
  it("offers only https links into the inbox", () => {
    expect(inboxLink("javascript:alert(1)")).toBeNull();
    expect(inboxLink("http://dashboard.callbell.eu/chat/c1")).toBeNull();
    expect(inboxLink("not a url")).toBeNull();
    expect(inboxLink(42)).toBeNull();
    expect(inboxLink("https://dashboard.callbell.eu/chat/c1")).toBe("https://dashboard.callbell.eu/chat/c1");
    // An https link elsewhere would be shown as "Open the conversation in Callbell": dropped.
    expect(inboxLink("https://evil.example/phish")).toBeNull();
    expect(inboxLink("https://dash.callbell.eu.evil.example/chat/c1")).toBeNull();
    expect(inboxLink("https://notcallbell.eu/chat/c1")).toBeNull();
  });
  it("reads the link of a stored answer, and nothing from one that is not JSON", () => {
    const stored = JSON.stringify({
      message: { uuid: "u", conversation: { href: "https://dash.callbell.eu/c" } },
    });
    expect(conversationHrefOf(stored)).toBe("https://dash.callbell.eu/c");
    expect(conversationHrefOf("{not json")).toBeNull();
    expect(conversationHrefOf(null)).toBeNull();
  });
});
