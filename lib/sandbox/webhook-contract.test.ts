import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, webhookReceiver } from "./testing";
import { handleSandboxRequest, setSandboxWebhook } from "./simulator";

/**
 * The sandbox's webhook side against Callbell's documented examples, key by key. The examples are copied from
 * callbellchat/callbell-public-docs (docs/api/reference/webhooks_api/*.md and webhooks/message_events/*.md).
 */

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * Where `actual` leaves the shape of `expected`: a key missing or added, or a value of another kind. A `null` in an
 * example stands for any value (`avatarUrl`), and an empty object for any object (`"body": {}`, `"headers": {}`).
 * (To be replaced by the shared `shapeDifferences` of lib/sandbox/same-shape.ts.)
 */
function shapeDifferences(expected: unknown, actual: unknown, path = "$"): string[] {
  if (expected === null) return [];
  if (kind(expected) !== kind(actual)) return [`${path}: expected ${kind(expected)}, got ${kind(actual)}`];
  if (Array.isArray(expected)) {
    const [first] = expected;
    if (first === undefined) return [];
    return (actual as unknown[]).flatMap((item, index) => shapeDifferences(first, item, `${path}[${index}]`));
  }
  if (kind(expected) !== "object") return [];
  const want = expected as Record<string, unknown>;
  const have = actual as Record<string, unknown>;
  if (Object.keys(want).length === 0) return [];
  return [
    ...Object.keys(want).flatMap((key) =>
      key in have ? shapeDifferences(want[key], have[key], `${path}.${key}`) : [`${path}.${key}: missing`],
    ),
    ...Object.keys(have)
      .filter((key) => !(key in want))
      .map((key) => `${path}.${key}: not in the documented example`),
  ];
}

const contact = {
  href: "https://dash.callbell.eu/contacts/eb2b914a977e4ab896e7b886698b3eac",
  conversationHref: "https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9",
  name: "John Doe",
  tags: ["Lead"],
  uuid: "eb2b914a977e4ab896e7b886698b3eac",
  source: "whatsapp",
  avatarUrl: null,
  createdAt: "2022-10-12T15:57:16Z",
  phoneNumber: "331122334455",
};

/**
 * message_created.md, without its optional fields (location, contact card, buttons, list) that a text lacks, and with
 * `attachments` and `metadata` ("if present"), which its field table lists and its example omits.
 */
const MESSAGE_CREATED = {
  event: "message_created",
  payload: {
    to: "331122334455",
    from: "335544332211",
    text: "Hello",
    status: "received",
    channel: "whatsapp",
    contact,
    createdAt: "2022-10-18T12:06:29.000+02:00",
    attachments: [],
    metadata: { customer_id: "" },
  },
};

/** message_status_updated.md, with `metadata` ("if present"), which its field table lists and its example omits. */
const MESSAGE_STATUS_UPDATED = {
  event: "message_status_updated",
  payload: {
    uuid: "adf3d1216d4c4dcd908199d6700f2381",
    status: "read",
    contact,
    messageStatusPayload: {
      id: "gBGGM2MSRxl_Aglqmg5KQXU7ABC",
      gsId: "2b34bfb7-2631-4763-89fb-1b3c65a4babc",
      type: "read",
      payload: { ts: 1686563913 },
      destination: "1122334455",
    },
    metadata: { customer_id: "" },
  },
};

/** webhooks_api/events.md, one entry; its `"payload": "message_object"` stands for the event's payload object. */
const webhookEvents = (example: { event: string; payload: unknown }) => ({
  webhook_events: [
    {
      event: example.event,
      payload: example.payload,
      response: { body: {}, code: 200, headers: {} },
      success: true,
      createdAt: "2022-11-08T15:41:49Z",
    },
  ],
  meta: { page: 1, pages: 2 },
});

/** webhooks_api/subscribe.md (the example has a stray second comma after `url`, which is not JSON). */
const SUBSCRIBED = {
  webhook: {
    url: "https://my-app.com/my-webhook-endpoint",
    subscriptions: ["message_created"],
    createdAt: "2022-10-18 17:01:20 +0200",
    enabled: true,
  },
};

/** webhooks_api/unsubscribe.md. */
const UNSUBSCRIBED = { status: "webhook was destroyed" };

const api = (method: string, path: string, body?: unknown) =>
  handleSandboxRequest(
    new Request(`http://sandbox/v1${path}`, {
      method,
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

describe("the shape comparer", () => {
  it("names each path that drifts", () => {
    expect(
      shapeDifferences({ a: { b: 1, c: [{ d: "x" }] }, e: null }, { a: { c: [{ d: 2 }], f: true }, e: 3 }),
    ).toEqual([
      "$.a.b: missing",
      "$.a.c[0].d: expected string, got number",
      "$.a.f: not in the documented example",
    ]);
  });
});

describe("the sandbox's webhook matches Callbell's documented examples", () => {
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  const sent: { event: string; payload: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    receiver = await webhookReceiver(async () => Response.json({ status: "ok" }));
    setSandboxWebhook(receiver.url);
    const answer = await api("POST", "/messages/send", {
      to: "+33 11 22 33 44 55",
      from: "whatsapp",
      type: "text",
      content: { text: "Hello" },
      metadata: { customer_id: "123456" },
    });
    expect(answer.status).toBe(200);
    // message_created at once, then `sent` about two seconds later.
    sent.push(
      ...(await eventually(
        () => (receiver.received.length >= 2 ? (receiver.received as typeof sent) : undefined),
        6_000,
      )),
    );
  }, 10_000);

  afterAll(async () => {
    setSandboxWebhook(null);
    await receiver.close();
  });

  it("sends message_created as documented", () => {
    const created = sent.find((body) => body.event === "message_created");
    expect(shapeDifferences(MESSAGE_CREATED, created)).toEqual([]);
    expect(created!.payload).toMatchObject({ to: "331122334455", text: "Hello", status: "sent" });
  });

  it("sends message_status_updated as documented, with the send's metadata and the number in digits", () => {
    const updated = sent.find((body) => body.event === "message_status_updated");
    expect(shapeDifferences(MESSAGE_STATUS_UPDATED, updated)).toEqual([]);
    expect(updated!.payload).toMatchObject({
      status: "sent",
      metadata: { customer_id: "123456" },
      contact: { phoneNumber: "331122334455" },
      messageStatusPayload: { type: "sent", destination: "331122334455" },
    });
  });

  it("answers GET /webhooks/events as documented, newest first", async () => {
    // Statuses keep arriving on the simulator's timers: compare each event's entries, whatever their number.
    const log = await (await api("GET", "/webhooks/events?items=100")).json();
    const only = (event: string) => ({
      ...log,
      webhook_events: log.webhook_events.filter((entry: { event: string }) => entry.event === event),
    });
    expect(shapeDifferences(webhookEvents(MESSAGE_STATUS_UPDATED), only("message_status_updated"))).toEqual(
      [],
    );
    expect(shapeDifferences(webhookEvents(MESSAGE_CREATED), only("message_created"))).toEqual([]);
    expect(log.webhook_events.at(-1)).toMatchObject({
      event: "message_created",
      response: { code: 200, body: { status: "ok" } },
      success: true,
    });
    expect(log.webhook_events[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(log.meta).toEqual({ page: 1, pages: 1 });
  });

  it("answers POST /webhooks/subscribe as documented, and replaces the one webhook", async () => {
    const answer = await (
      await api("POST", "/webhooks/subscribe", {
        url: "https://my-app.com/my-webhook-endpoint",
        subscriptions: ["message_created"],
      })
    ).json();
    expect(shapeDifferences(SUBSCRIBED, answer)).toEqual([]);
    expect(answer.webhook).toMatchObject({
      url: "https://my-app.com/my-webhook-endpoint",
      subscriptions: ["message_created"],
      enabled: true,
    });
    expect(answer.webhook.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
    setSandboxWebhook(receiver.url);
  });

  it("answers DELETE /webhooks/unsubscribe as documented", async () => {
    expect(
      shapeDifferences(UNSUBSCRIBED, await (await api("DELETE", "/webhooks/unsubscribe")).json()),
    ).toEqual([]);
    setSandboxWebhook(receiver.url);
  });
});
