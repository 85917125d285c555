import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupeKeyOf, describeReply, readReceivedMessage, recipientsOf } from "./read-received-message";

// Callbell's documented example (webhooks/message_events/message_created.md), with the 2026 contact fields.
const documented = {
  to: "331122334455",
  from: "335544332211",
  text: "Hello",
  status: "received",
  channel: "whatsapp",
  contact: { uuid: "eb2b914a977e4ab896e7b886698b3eac", phoneNumber: "335544332211" },
  createdAt: "2022-10-18T12:06:29.000+02:00",
};

describe("reading a message a customer sent", () => {
  it("reads Callbell's documented example: who wrote, when, and the text", () => {
    expect(readReceivedMessage(documented)).toEqual({
      dedupeKey: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      writtenAt: new Date("2022-10-18T10:06:29Z"),
      channel: "whatsapp",
      fromPhone: "+335544332211",
      fromBsuid: null,
      fromId: "335544332211",
      contactUuid: "eb2b914a977e4ab896e7b886698b3eac",
      kind: "text",
      text: "Hello",
    });
  });

  it("knows a customer by BSUID when the contact has one, and by the contact's number when `from` is no number", () => {
    const message = readReceivedMessage({
      ...documented,
      from: "US.13491208655302741918",
      contact: { uuid: "c1", phoneNumber: "+33 5544 332211", bsuid: "US.13491208655302741918" },
    });
    expect(message.fromBsuid).toBe("US.13491208655302741918");
    expect(message.fromPhone).toBe("+335544332211");
    expect(recipientsOf(message)).toEqual(["+335544332211", "US.13491208655302741918"]);
  });

  it.each([
    [{ messageLocation: { latitude: 52.37, longitude: 4.89 } }, "location", "location"],
    [{ messageContactCard: { name: "Ana" } }, "contact", "contact card"],
    [{ messageReplyButton: { text: "Yes", payload: "yes-1" } }, "button", "button: Yes"],
    [{ messageReplyButton: { title: "No thanks", id: "b2" } }, "button", "button: No thanks"],
    [{ messageReplyButton: {}, text: "Maybe" }, "button", "button: Maybe"],
    [{ messageInteractiveList: { title: "Tuesday" } }, "list", "list: Tuesday"],
    [{ attachments: ["https://example.com/photo.jpg"], text: "" }, "attachment", "attachment"],
    [{ attachments: ["https://example.com/photo.jpg"], text: "My receipt" }, "attachment", "My receipt"],
    [{ text: "  " }, "other", "message"],
  ])("says %j in words", (parts, kind, text) => {
    expect(describeReply({ ...documented, text: "", ...parts })).toEqual({ kind, text });
  });

  it("keeps a long text up to WhatsApp's 4,096 characters", () => {
    expect(describeReply({ text: "a".repeat(5000) }).text).toHaveLength(4096);
  });

  it("gives a repeated delivery the same key, even when the contact changed in between", () => {
    const again = { ...documented, contact: { ...documented.contact, tags: ["vip"] } };
    expect(dedupeKeyOf(again)).toBe(dedupeKeyOf(documented));
    expect(dedupeKeyOf({ ...documented, text: "Hello!" })).not.toBe(dedupeKeyOf(documented));
    expect(dedupeKeyOf({ ...documented, createdAt: "2022-10-18T12:06:30.000+02:00" })).not.toBe(
      dedupeKeyOf(documented),
    );
    expect(dedupeKeyOf({ ...documented, uuid: "m-1" })).toBe("uuid:m-1");
  });

  it("never throws, whatever the payload holds", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (payload) => {
        const message = readReceivedMessage(payload);
        expect(message.text.length).toBeGreaterThan(0);
      }),
    );
  });
});
