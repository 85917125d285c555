import { afterEach, describe, expect, it, vi } from "vitest";
import { countReceivedMessages, listRepliesOfSend } from "@/lib/db/reply-queries";
import { findSendById, recordSendAttempt, recordSendOutcome } from "@/lib/db/send-queries";
import { testDatabase } from "@/lib/db/testing";
import { handleCallbellWebhook } from "@/lib/delivery/webhook";
import { SANDBOX_REPLY_AFTER_MS, sandboxReplyOf } from "./repliers";
import { setSandboxWebhook } from "./simulator";
import { sandboxApi, SUPPORT_LINE, webhookReceiver } from "./testing";

/** Waits for real I/O while setTimeout is faked (setImmediate is not), until `done` says so or 5 s have passed. */
async function whileFaked(done: () => Promise<boolean>) {
  const until = performance.now() + 5_000;
  while (!(await done())) {
    if (performance.now() > until) throw new Error("nothing came within 5 s");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** How many deliveries the sandbox has made and logged (each logged once its answer was read). */
const deliveries = async () =>
  ((await (await sandboxApi("GET", "/webhooks/events?items=100")).json()) as { webhook_events: unknown[] })
    .webhook_events.length;

afterEach(() => {
  vi.useRealTimers();
  setSandboxWebhook(null);
});

describe("the sandbox's repliers", () => {
  it("are +15550000200 to +15550000209 (a text) and +15550000210 (a location); nobody else answers", () => {
    expect(sandboxReplyOf("+15550000200")).toBe("text");
    expect(sandboxReplyOf("+1 555 000 0209")).toBe("text");
    expect(sandboxReplyOf("+15550000210")).toBe("location");
    for (const other of ["+15550000211", "+15550000199", "+155500002000", "+31612345678", "US.15550000200"]) {
      expect(sandboxReplyOf(other)).toBeNull();
    }
  });

  it("answer a message through Bellhop's webhook a few seconds later, and Bellhop links each reply to its send", async () => {
    const db = await testDatabase();
    const bellhop = await webhookReceiver((request) =>
      handleCallbellWebhook(request, "sandbox-test-secret", {
        secret: "sandbox-test-secret",
        db: async () => db,
      }),
    );
    try {
      setSandboxWebhook(bellhop.url);
      const sends = new Map<string, number>();
      for (const to of ["+15550000201", "+15550000210", "+31612345678"]) {
        const { row } = await recordSendAttempt(db, {
          idempotencyKey: `sandbox-reply-${to}`,
          recipient: to,
          platform: "whatsapp",
          messageType: "text",
          channelUuid: SUPPORT_LINE,
          templateUuid: null,
          templateTitle: null,
          templateValueCount: null,
          requestBody: "{}",
          senderId: null,
          senderEmail: null,
        });
        await recordSendOutcome(db, row.id, { status: "enqueued", callbellUuid: `u${row.id}` });
        sends.set(to, row.id);
      }
      // Timeouts are faked (setImmediate is not), so nothing waits five real seconds. clearTimeout is faked with
      // setTimeout: fetch's own client clears what it set, and a real clearTimeout cannot clear a faked timer (its
      // idle-socket timer would fire later on a parser long gone: "Cannot destructure property 'socket'").
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      for (const to of sends.keys()) {
        const answer = await sandboxApi("POST", "/messages/send", {
          to,
          from: "whatsapp",
          channel_uuid: SUPPORT_LINE,
          type: "text",
          content: { text: "Would you like a reminder?" },
        });
        expect(answer.status).toBe(200);
      }
      // Step from one batch of deliveries to the next, each answered before the clock moves on (a request in flight
      // while the faked clock jumps would time out): message_created at once, then sent and delivered.
      for (const [afterMs, logged] of [
        [0, 3],
        [2_000, 6],
        [2_000, 9],
      ] as const) {
        await vi.advanceTimersByTimeAsync(afterMs);
        await whileFaked(async () => (await deliveries()) >= logged);
      }
      await vi.advanceTimersByTimeAsync(SANDBOX_REPLY_AFTER_MS - 4_000 - 100);
      expect(await countReceivedMessages(db)).toEqual({ total: 0, unlinked: 0 });
      await vi.advanceTimersByTimeAsync(100);
      await whileFaked(async () => (await countReceivedMessages(db)).total === 2);
      vi.useRealTimers();

      const [text] = await listRepliesOfSend(db, sends.get("+15550000201")!);
      expect(text).toMatchObject({ kind: "text", text: "Yes, please", fromPhone: "+15550000201" });
      const [location] = await listRepliesOfSend(db, sends.get("+15550000210")!);
      expect(location).toMatchObject({ kind: "location", text: "location" });
      expect(JSON.parse(location!.payload)).toMatchObject({
        to: "15550001000",
        from: "15550000210",
        status: "received",
        channel: "whatsapp",
        messageLocation: { latitude: expect.any(Number), longitude: expect.any(Number) },
      });
      expect((await findSendById(db, sends.get("+31612345678")!))?.repliedAt).toBeNull();
    } finally {
      await bellhop.close();
    }
  });

  it("write nothing without a webhook: only the webhook could tell", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const answer = await sandboxApi("POST", "/messages/send", {
      to: "+15550000200",
      from: "whatsapp",
      channel_uuid: SUPPORT_LINE,
      type: "text",
      content: { text: "Hi" },
    });
    expect(answer.status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });
});
