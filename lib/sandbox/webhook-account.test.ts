import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/db/testing";
import { readWebhookReceipts } from "@/lib/db/webhook-queries";
import { handleCallbellWebhook } from "@/lib/delivery/webhook";
import { eventually, sandboxApi, SUPPORT_LINE, webhookReceiver } from "./testing";
import { deliverSandboxWebhook, SANDBOX_WEBHOOK_LOG_LIMIT, type SandboxDelivery } from "./webhook-account";
import { setSandboxWebhook } from "./simulator";

const api = sandboxApi;

type EventsPage = { webhook_events: SandboxDelivery[]; meta: { page: number; pages: number } };
const events = async (query = "") =>
  (await (await api("GET", `/webhooks/events${query}`)).json()) as EventsPage;

/** A fetch that answers each delivery with the next status, for the log's bookkeeping without a server. */
const answering = (status: (index: number) => number) => {
  let index = 0;
  return async () => Response.json({ n: index }, { status: status(index++) });
};

const event = (n: number) => ({ event: "message_created", payload: { text: `message ${n}` } });

afterEach(() => setSandboxWebhook(null));

describe("the sandbox's webhook deliveries", () => {
  it("reach Bellhop's own webhook, which answers each with 200, and are logged with that answer", async () => {
    const db = await testDatabase();
    const bellhop = await webhookReceiver((request) =>
      handleCallbellWebhook(request, "sandbox-test-secret", {
        secret: "sandbox-test-secret",
        db: async () => db,
      }),
    );
    try {
      setSandboxWebhook(bellhop.url);
      const sent = await api("POST", "/messages/send", {
        to: "+31612345678",
        from: "whatsapp",
        channel_uuid: SUPPORT_LINE,
        type: "text",
        content: { text: "Hi" },
      });
      expect(sent.status).toBe(200);
      // The first two deliveries (newest first, so the last two entries); later statuses may follow on their timers.
      const log = await eventually(async () => {
        const page = await events();
        return page.webhook_events.length >= 2 ? page.webhook_events.slice(-2) : undefined;
      });
      expect(log.map((delivery) => [delivery.event, delivery.response.code, delivery.success])).toEqual([
        ["message_status_updated", 200, true],
        ["message_created", 200, true],
      ]);
      expect(log[0]!.response.body).toEqual({ status: "ok", result: "unmatched" });
      expect(log[1]!.response.body).toEqual({ status: "ok" });
      expect((await readWebhookReceipts(db)).event?.name).toBe("message_status_updated");
    } finally {
      await bellhop.close();
    }
  });

  it("logs a webhook that cannot be reached as a failure without a code", async () => {
    setSandboxWebhook("http://127.0.0.1:9/unreachable");
    await deliverSandboxWebhook(event(1));
    const [delivery] = (await events()).webhook_events;
    expect(delivery).toMatchObject({ event: "message_created", success: false, response: { code: null } });
  });

  it("sends only the events the webhook subscribes to", async () => {
    expect(
      (
        await api("POST", "/webhooks/subscribe", {
          url: "http://127.0.0.1:9/",
          subscriptions: ["contact_created"],
        })
      ).status,
    ).toBe(200);
    await deliverSandboxWebhook(
      event(1),
      answering(() => 200),
    );
    expect((await events()).webhook_events).toEqual([]);
  });

  it(`keeps the last ${SANDBOX_WEBHOOK_LOG_LIMIT} deliveries, newest first, filtered by status and paged`, async () => {
    setSandboxWebhook("http://127.0.0.1:9/");
    // Every third delivery is answered 500 (a failure), the others 200.
    const fetch = answering((index) => (index % 3 === 2 ? 500 : 200));
    for (let n = 0; n < SANDBOX_WEBHOOK_LOG_LIMIT + 10; n += 1) await deliverSandboxWebhook(event(n), fetch);

    const all = await events(`?items=100`);
    expect(all.meta).toEqual({ page: 1, pages: 2 });
    expect(all.webhook_events[0]!.payload).toEqual({ text: `message ${SANDBOX_WEBHOOK_LOG_LIMIT + 9}` });
    const last = await events(`?items=100&page=2`);
    expect(last.meta).toEqual({ page: 2, pages: 2 });
    expect(last.webhook_events.at(-1)!.payload).toEqual({ text: "message 10" });
    expect(await events(`?items=100&page=3`)).toEqual({ webhook_events: [], meta: { page: 3, pages: 2 } });

    const failed = await events(`?status=failed&items=100`);
    // Of the 200 kept (deliveries 10 to 209), those numbered 2 mod 3 failed: 67; the other 133 succeeded.
    expect(failed.webhook_events.length).toBe(67);
    expect(failed.webhook_events.every((d) => !d.success && d.response.code === 500)).toBe(true);
    const succeeded = await events(`?status=success&items=50&page=3`);
    expect(succeeded.meta).toEqual({ page: 3, pages: 3 });
    expect(succeeded.webhook_events.length).toBe(33);
    expect(succeeded.webhook_events.every((d) => d.success && d.response.code === 200)).toBe(true);
  });

  it("refuses a status, page or items it does not know", async () => {
    setSandboxWebhook("http://127.0.0.1:9/");
    for (const query of ["?status=ok", "?page=0", "?items=-1", "?page=two"]) {
      expect((await api("GET", `/webhooks/events${query}`)).status).toBe(400);
    }
  });
});

describe("the sandbox's one webhook", () => {
  it("has no log to list without a webhook", async () => {
    expect((await api("GET", "/webhooks/events")).status).toBe(404);
  });

  it("is replaced by a subscription, keeping its log, and removed with its log by DELETE /webhooks/unsubscribe", async () => {
    setSandboxWebhook("http://127.0.0.1:9/first");
    await deliverSandboxWebhook(
      event(1),
      answering(() => 200),
    );
    const subscribed = await api("POST", "/webhooks/subscribe", {
      url: "https://bellhop.example.com/api/webhooks/callbell/secret",
      subscriptions: ["message_status_updated"],
    });
    expect((await subscribed.json()).webhook).toMatchObject({
      url: "https://bellhop.example.com/api/webhooks/callbell/secret",
      subscriptions: ["message_status_updated"],
      enabled: true,
    });
    expect((await events()).webhook_events).toHaveLength(1);
    expect((await api("POST", "/webhooks/unsubscribe")).status).toBe(404);
    const removed = await api("DELETE", "/webhooks/unsubscribe");
    expect(await removed.json()).toEqual({ status: "webhook was destroyed" });
    expect((await api("GET", "/webhooks/events")).status).toBe(404);
    expect((await api("DELETE", "/webhooks/unsubscribe")).status).toBe(404);
  });

  it.each([
    [{ subscriptions: ["message_created"] }, "url", "can't be blank"],
    [{ url: "bellhop.example.com/hook", subscriptions: ["message_created"] }, "url", "protocol"],
    [{ url: "ftp://bellhop.example.com/hook", subscriptions: ["message_created"] }, "url", "http"],
    [{ url: "http://localhost:3000/hook", subscriptions: ["message_created"] }, "url", "localhost"],
    [{ url: "https://bellhop.example.com/hook" }, "subscriptions", "list of events"],
    [
      { url: "https://bellhop.example.com/hook", subscriptions: ["message_sent"] },
      "subscriptions",
      "message_sent",
    ],
  ])("refuses the subscription %j", async (body, field, message) => {
    const response = await api("POST", "/webhooks/subscribe", body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: Record<string, string[]> };
    expect(error[field]!.join(" ")).toContain(message);
  });

  it("accepts a loopback address, which is how it reaches the Bellhop it runs in", async () => {
    const response = await api("POST", "/webhooks/subscribe", {
      url: "http://127.0.0.1:3000/api/webhooks/callbell/secret",
      subscriptions: "message_created, message_status_updated",
    });
    expect(response.status).toBe(200);
    expect((await response.json()).webhook.subscriptions).toEqual([
      "message_created",
      "message_status_updated",
    ]);
  });
});
