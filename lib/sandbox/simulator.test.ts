import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { failureReason } from "@/lib/delivery/failure-reason";
import { SANDBOX_CHANNELS, SANDBOX_CONTACT_RECIPIENTS } from "./data";
import {
  handleSandboxRequest,
  MAX_HELD,
  SANDBOX_MESSAGES_KEPT,
  sandboxStatusAt,
  sandboxStatusPayload,
  type SandboxMessage,
} from "./simulator";

const get = async (path: string) => {
  const response = await handleSandboxRequest(
    new Request(`http://sandbox/v1${path}`, { headers: { Authorization: "Bearer t" } }),
  );
  return { status: response.status, body: await response.json() };
};
const send = (body: unknown, auth = "Bearer t") =>
  handleSandboxRequest(
    new Request("http://sandbox/v1/messages/send", {
      method: "POST",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
const channel = (title: string) => SANDBOX_CHANNELS.find((c) => c.title === title)!.uuid;
const text = {
  to: "+31612345678",
  from: "whatsapp",
  type: "text",
  channel_uuid: channel("Support line"),
  content: { text: "Hi" },
};
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

describe("the sandbox's limits", () => {
  it("refuses a recipient longer than Bellhop's own limits", async () => {
    const long = await send({
      ...text,
      to: "x".repeat(201),
      from: "telegram",
      channel_uuid: channel("Telegram bot"),
    });
    expect(long.status).toBe(400);
    expect((await long.json()).error.to).toEqual(["is too long (maximum is 200 characters)"]);
    const bsuid = await send({ ...text, to: undefined, bsuid: `US.${"1".repeat(126)}` });
    expect((await bsuid.json()).error.bsuid).toEqual(["is too long (maximum is 128 characters)"]);
  });

  it(`keeps only the newest ${SANDBOX_MESSAGES_KEPT} messages`, async () => {
    const first = (await (await send(text)).json()).message.uuid;
    for (let i = 0; i < SANDBOX_MESSAGES_KEPT; i++) await send(text);
    expect((await get(`/messages/status/${first}`)).status).toBe(404);
  });
});

describe("the held send (+15550000408)", () => {
  it("answers 504 once the caller's hold is over, not two minutes later", async () => {
    vi.useFakeTimers();
    try {
      let answered: Response | null = null;
      void handleSandboxRequest(
        new Request("http://sandbox/v1/messages/send", {
          method: "POST",
          headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
          body: JSON.stringify({ ...text, to: "+15550000408" }),
        }),
        { overHttp: true, holdMs: 3_000 },
      ).then((response) => (answered = response));
      await vi.advanceTimersByTimeAsync(2_900);
      expect(answered).toBeNull();
      await vi.advanceTimersByTimeAsync(200);
      expect(answered!.status).toBe(504);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`holds at most ${MAX_HELD} at once: the others answer 504 at once, and a freed place is taken again`, async () => {
    vi.useFakeTimers();
    try {
      const hold = () =>
        handleSandboxRequest(
          new Request("http://sandbox/v1/messages/send", {
            method: "POST",
            headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
            body: JSON.stringify({ ...text, to: "+15550000408" }),
          }),
          { overHttp: true, holdMs: 1_000 },
        );
      const answered: number[] = [];
      const first = Array.from({ length: MAX_HELD + 5 }, (_, index) =>
        hold().then(() => answered.push(index)),
      );
      await vi.advanceTimersByTimeAsync(10);
      expect(answered.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4].map((n) => n + MAX_HELD));
      await vi.advanceTimersByTimeAsync(1_000);
      await Promise.all(first);
      let later = false;
      void hold().then(() => (later = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(later).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(later).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("whatever body arrives over HTTP (fuzzed)", () => {
  it("a send answers 200 or a 4xx and never throws, for random text, JSON and near-messages", async () => {
    // JSON whose objects may carry toString, valueOf or __proto__: String() of `{"toString": {}}` throws.
    const hostile = fc.anything({
      key: fc.oneof(fc.string(), fc.constantFrom("toString", "valueOf", "__proto__", "constructor")),
    });
    const nearMessage = fc.record(
      {
        to: fc.oneof(fc.string(), fc.constantFrom("+31612345678", "US.13491208655302741918"), hostile),
        from: fc.oneof(fc.constantFrom("whatsapp", "instagram", "facebook", "telegram"), hostile),
        type: fc.oneof(fc.constantFrom("text", "image", "document", "audio", "video"), hostile),
        channel_uuid: fc.oneof(fc.constant(channel("Support line")), hostile),
        content: hostile,
        template_uuid: hostile,
        template_values: hostile,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          nearMessage.map((value) => JSON.stringify(value)),
        ),
        async (body) => {
          const response = await handleSandboxRequest(
            new Request("http://sandbox/v1/messages/send", {
              method: "POST",
              headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
              body,
            }),
            { overHttp: true },
          );
          expect([200, 400, 401, 402, 404, 422, 429]).toContain(response.status);
          await response.json();
        },
      ),
      { numRuns: 300 },
    );
  });
});
