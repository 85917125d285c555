import { describe, expect, it } from "vitest";
import { failureReason } from "@/lib/delivery/failure-reason";
import { SANDBOX_CONTACT_RECIPIENTS } from "./data";
import { handleSandboxRequest } from "./simulator";
import { sandboxStatusAt, sandboxStatusPayload, type SandboxMessage } from "./statuses";
import {
  sandboxChannel as channel,
  sandboxGet as get,
  sandboxSend as send,
  TEXT_SEND as text,
} from "./testing";

const sandboxMessage = (extra: Partial<SandboxMessage> = {}): SandboxMessage => ({
  uuid: "u",
  to: "+31612345678",
  from: "whatsapp",
  createdAt: 0,
  failsLater: false,
  providerId: "p",
  whatsappMessageId: "gBGGx",
  ...extra,
});

describe("the sandbox", () => {
  it("enqueues a valid message with Callbell's response shape", async () => {
    const response = await send(text);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.message).toMatchObject({ status: "enqueued" });
    expect(body.message.uuid).toMatch(/^[0-9a-f]{32}$/);
  });
  it("requires a token", async () => expect((await send(text, "")).status).toBe(401));
  it("answers a missing field with a Rails-style field error", async () => {
    const response = await send({ ...text, to: undefined });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { to: ["can't be blank unless bsuid is given"] } });
  });
  it("refuses a template without optin_contact", async () => {
    const response = await send({ ...text, template_uuid: "d980fb66fd5043d3ace1aa06ba044342" });
    expect((await response.json()).error).toHaveProperty("optin_contact");
  });
  it("refuses a non-string metadata value", async () => {
    const response = await send({ ...text, metadata: { id: 1 } });
    expect(await response.json()).toEqual({ error: { metadata: ["must be string"] } });
  });
  it.each([
    ["+15550000400", 400],
    ["+15550000401", 401],
    ["+15550000402", 402],
    ["+15550000500", 500],
  ])("magic recipient %s answers %i", async (to, status) => {
    expect((await send({ ...text, to })).status).toBe(status);
  });
  it("rate-limits +15550000429 once, then accepts it", async () => {
    expect((await send({ ...text, to: "+15550000429" })).status).toBe(429);
    expect((await send({ ...text, to: "+15550000429" })).status).toBe(200);
  });
  it("moves statuses forward over time, and fails +15550000999", () => {
    const message = sandboxMessage();
    expect([0, 2_000, 4_000, 7_000].map((t) => sandboxStatusAt(message, t))).toEqual([
      "enqueued",
      "sent",
      "delivered",
      "read",
    ]);
    expect(sandboxStatusAt({ ...message, failsLater: true }, 10_000)).toBe("failed");
  });
  it("lists approved and pending templates", async () => {
    const { body } = await get("/templates");
    expect(body.templates.some((t: { status: string }) => t.status === "pending")).toBe(true);
  });
});

describe("the sandbox's channels", () => {
  const titles = async (query: string) =>
    (await get(`/channels${query}`)).body.channels.map((c: { title: string }) => c.title);

  it("has channels of all four platforms, one of them discarded", async () => {
    expect(await titles("")).toEqual([
      "Support line",
      "Sales line",
      "Old number",
      "Instagram shop",
      "Facebook page",
      "Telegram bot",
    ]);
  });
  it("filters by type and by active", async () => {
    expect(await titles("?type=whatsapp&active=true")).toEqual(["Support line", "Sales line"]);
    expect(await titles("?active=false")).toEqual(["Old number"]);
    expect(await titles("?type=facebook")).toEqual(["Facebook page"]);
  });
  it("answers a page past the end with an empty list and page/pages only", async () => {
    expect((await get("/channels?page=2")).body).toEqual({ channels: [], meta: { page: 2, pages: 1 } });
  });
  it("refuses a platform Callbell does not name (Messenger is facebook)", async () => {
    expect((await get("/channels?type=messenger")).status).toBe(400);
  });
});

describe("the sandbox's channel_uuid rule", () => {
  const errorOf = async (body: unknown) => {
    const response = await send(body);
    expect(response.status).toBe(400);
    return (await response.json()).error;
  };

  it("refuses a send without channel_uuid", async () => {
    expect(await errorOf({ ...text, channel_uuid: undefined })).toEqual({ channel_uuid: ["can't be blank"] });
  });
  it("refuses an unknown channel and a discarded one", async () => {
    expect((await errorOf({ ...text, channel_uuid: "nope" })).channel_uuid[0]).toMatch(/does not match/);
    expect((await errorOf({ ...text, channel_uuid: channel("Old number") })).channel_uuid[0]).toMatch(
      /discarded channel "Old number"/,
    );
  });
  it("refuses a channel of another platform than from", async () => {
    const error = await errorOf({ ...text, channel_uuid: channel("Telegram bot") });
    expect(error.channel_uuid[0]).toMatch(/telegram channel "Telegram bot".*from whatsapp/);
  });
  it("accepts a channel with dashes in its uuid", async () => {
    expect((await send({ ...text, channel_uuid: channel("Sales line") })).status).toBe(200);
  });
});

describe("the sandbox's BSUID sends", () => {
  const bsuid = SANDBOX_CONTACT_RECIPIENTS.bsuid;

  it("sends to a bsuid without to, and reports it as the destination", async () => {
    const response = await send({ ...text, to: undefined, bsuid, fields: "contact" });
    expect(response.status).toBe(200);
    const { message } = await response.json();
    expect(message.contact).toMatchObject({ name: "Uma Username", phone: null });
    const { body } = await get(`/messages/status/${message.uuid}`);
    expect(body.message.messageStatusPayload.destination).toBe(bsuid);
  });
  it("lets to win over bsuid", async () => {
    const { message } = await (await send({ ...text, bsuid, fields: "contact" })).json();
    const { body } = await get(`/messages/status/${message.uuid}`);
    expect(body.message.messageStatusPayload.destination).toBe("31612345678");
  });
  it("refuses a bsuid on another platform than WhatsApp", async () => {
    const response = await send({
      ...text,
      to: undefined,
      bsuid,
      from: "instagram",
      channel_uuid: channel("Instagram shop"),
    });
    expect((await response.json()).error).toEqual({ bsuid: ["can only be used with from: whatsapp"] });
  });
});

describe("the sandbox's statuses", () => {
  it.each(["instagram", "facebook", "telegram"])("keeps a message from %s enqueued forever", (from) => {
    expect(sandboxStatusAt(sandboxMessage({ from }), 3_600_000)).toBe("enqueued");
    expect(sandboxStatusAt(sandboxMessage({ from, to: "+15550000999", failsLater: true }), 60_000)).toBe(
      "enqueued",
    );
  });
  it("answers the documented status shape, with the recipient's digits as destination", async () => {
    const { message } = await (await send(text)).json();
    const { body } = await get(`/messages/status/${message.uuid}`);
    expect(body.message.messageStatusPayload).toMatchObject({
      type: "enqueued",
      payload: { type: "session", whatsappMessageId: expect.stringMatching(/^gBGG/) },
      destination: "31612345678",
    });
  });
  it("puts a failure's reason and code where Bellhop looks for them", () => {
    const payload = sandboxStatusPayload(sandboxMessage({ failsLater: true }), "failed");
    expect(failureReason(payload)).toBe("Number does not exist on WhatsApp (code 1002)");
  });
});

describe("the sandbox's contacts", () => {
  const busy = async (page: number) => {
    const { body } = await get(`/contacts/phone/${SANDBOX_CONTACT_RECIPIENTS.busy}`);
    return (await get(`/contacts/${body.contact.uuid}/messages?page=${page}`)).body;
  };

  it("finds a contact by phone with or without +, in Callbell's digits", async () => {
    for (const phone of ["15550000100", "+15550000100", "%2B15550000100"]) {
      const { status, body } = await get(`/contacts/phone/${phone}`);
      expect(status).toBe(200);
      expect(body.contact).toMatchObject({ name: "Olivia Open", phoneNumber: "15550000100" });
    }
  });
  it("finds contacts by bsuid, and gives bsuid only to contacts that have one", async () => {
    const { body } = await get(`/contacts/bsuid/${SANDBOX_CONTACT_RECIPIENTS.bsuid}`);
    expect(body.contact).toMatchObject({ name: "Uma Username", phoneNumber: null });
    expect((await get("/contacts/bsuid/NL.72045918273645102938")).body.contact.name).toBe("Olivia Open");
    expect((await get("/contacts/phone/15550000101")).body.contact).not.toHaveProperty("bsuid");
    expect(await get("/contacts/bsuid/US.1")).toEqual({ status: 404, body: { error: "Contact not found" } });
  });
  it("pages a busy conversation: our messages and notes first, the customer's on page 2, then nothing", async () => {
    const first = await busy(1);
    expect(first).not.toHaveProperty("meta");
    expect(first.messages.length).toBeGreaterThanOrEqual(3);
    expect(first.messages.every((m: { status: string }) => m.status !== "received")).toBe(true);
    expect(first.messages.find((m: { status: string }) => m.status === "note")).not.toHaveProperty("uuid");
    const received = (await busy(2)).messages.find((m: { status: string }) => m.status === "received");
    expect(Math.round((Date.now() - Date.parse(received.createdAt)) / 3_600_000)).toBe(5);
    expect(await busy(3)).toEqual({ messages: [] });
  });
});

describe("the sandbox over HTTP (the public mount: any token, no session)", () => {
  const overHttp = (method: string, path: string, body?: unknown) =>
    handleSandboxRequest(
      new Request(`http://sandbox/v1${path}`, {
        method,
        headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { overHttp: true },
    );

  it("keeps the webhook out of reach: no subscribe, no unsubscribe, no delivery log", async () => {
    const subscribe = await overHttp("POST", "/webhooks/subscribe", {
      url: "http://127.0.0.1:4599/steal",
      subscriptions: ["message_created"],
    });
    expect(subscribe.status).toBe(404);
    expect((await overHttp("DELETE", "/webhooks/unsubscribe")).status).toBe(404);
    expect((await overHttp("GET", "/webhooks/events")).status).toBe(404);
  });

  it("still sends and answers statuses", async () => {
    const sent = await overHttp("POST", "/messages/send", text);
    expect(sent.status).toBe(200);
    const { message } = await sent.json();
    expect((await overHttp("GET", `/messages/status/${message.uuid}`)).status).toBe(200);
  });
});
