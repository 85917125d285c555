import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shapeDifferences, type ShapeOptions } from "./same-shape";
import { eventually, sandboxApi, SUPPORT_LINE, webhookReceiver } from "./testing";
import { setSandboxWebhook } from "./simulator";

/**
 * The sandbox's webhook side against Callbell's documented examples, key by key. The examples are copied from
 * callbellchat/callbell-public-docs (docs/api/reference/webhooks_api/*.md and webhooks/message_events/*.md).
 */

/** Keys the payload tables list but the examples omit: `metadata` ("if present") and message_created's `attachments`. */
const TABLE_ONLY = ["payload.metadata", "payload.attachments"];
/** The log's `response.body` and `headers` are whatever the endpoint answered: the example's `{}` stands for any. */
const LOG: ShapeOptions = {
  optional: TABLE_ONLY.map((path) => `webhook_events[].${path}`),
  maps: ["webhook_events[].response.body", "webhook_events[].response.headers"],
};

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

/** message_created.md, without its optional fields (location, contact card, buttons, list) that a text lacks. */
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
  },
};

/** message_status_updated.md. */
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

const api = sandboxApi;

describe("the sandbox's webhook matches Callbell's documented examples", () => {
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  const sent: { event: string; payload: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    receiver = await webhookReceiver(async () => Response.json({ status: "ok" }));
    setSandboxWebhook(receiver.url);
    const answer = await api("POST", "/messages/send", {
      // Olivia Open, a customer the sandbox knows (with tags), written as an agent might.
      to: "+1 555 000 0100",
      from: "whatsapp",
      channel_uuid: SUPPORT_LINE,
      type: "text",
      content: { text: "Hello" },
      metadata: { customer_id: "123456" },
    });
    expect(answer.status).toBe(200);
    // message_created at once, then `sent` about two seconds later; each is logged once its answer is read.
    const logged = async () => {
      const log = (await (await api("GET", "/webhooks/events")).json()) as { webhook_events: unknown[] };
      return log.webhook_events.length >= 2 ? true : undefined;
    };
    await eventually(logged, 6_000);
    sent.push(...(receiver.received as typeof sent));
  }, 10_000);

  afterAll(async () => {
    setSandboxWebhook(null);
    await receiver.close();
  });

  it("sends message_created as documented", () => {
    const created = sent.find((body) => body.event === "message_created");
    expect(shapeDifferences(MESSAGE_CREATED, created, { optional: TABLE_ONLY })).toEqual([]);
    expect(created!.payload).toHaveProperty("attachments", []);
    expect(created!.payload).toMatchObject({ to: "15550000100", text: "Hello", status: "sent" });
  });

  it("sends message_status_updated as documented, with the send's metadata and the number in digits", () => {
    const updated = sent.find((body) => body.event === "message_status_updated");
    expect(shapeDifferences(MESSAGE_STATUS_UPDATED, updated, { optional: TABLE_ONLY })).toEqual([]);
    expect(updated!.payload).toMatchObject({
      status: "sent",
      metadata: { customer_id: "123456" },
      contact: { phoneNumber: "15550000100", name: "Olivia Open" },
      messageStatusPayload: { type: "sent", destination: "15550000100" },
    });
  });

  it("answers GET /webhooks/events as documented, newest first", async () => {
    // Statuses keep arriving on the simulator's timers: compare each event's entries, whatever their number.
    const log = await (await api("GET", "/webhooks/events?items=100")).json();
    const only = (event: string) => ({
      ...log,
      webhook_events: log.webhook_events.filter((entry: { event: string }) => entry.event === event),
    });
    expect(
      shapeDifferences(webhookEvents(MESSAGE_STATUS_UPDATED), only("message_status_updated"), LOG),
    ).toEqual([]);
    expect(shapeDifferences(webhookEvents(MESSAGE_CREATED), only("message_created"), LOG)).toEqual([]);
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
