import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import type { Database } from "@/lib/db/client";
import { testDatabase } from "@/lib/db/testing";
import { findSendById, recordSendAttempt, recordSendOutcome } from "@/lib/db/send-queries";
import { listStatusEvents } from "@/lib/db/status-event-queries";
import { acquireLease } from "@/lib/db/cluster-queries";
import { createStatusPoller, pollDelayMs, POLLER_LEASE_MS } from "./poller";
import { applyPendingStatusEvents } from "./record-status";
import { handleCallbellWebhook } from "./webhook";

let keys = 0;
async function enqueuedSend(
  db: Database,
  uuid: string,
  options: { createdAt?: Date; nextPollAt?: Date } = {},
) {
  const createdAt = options.createdAt ?? new Date();
  const { row } = await recordSendAttempt(
    db,
    {
      idempotencyKey: `key-${(keys += 1)}-abcdef`,
      recipient: "+31612345678",
      platform: "whatsapp",
      messageType: "text",
      channelUuid: null,
      templateUuid: null,
      templateTitle: null,
      templateValueCount: null,
      requestBody: "{}",
      senderId: null,
      senderEmail: null,
    },
    createdAt,
  );
  await recordSendOutcome(db, row.id, {
    status: "enqueued",
    callbellUuid: uuid,
    nextPollAt: options.nextPollAt ?? createdAt,
  });
  return row.id;
}

const SECRET = "webhook-secret-0123456789";

function webhook(db: Database, body: string, secret = SECRET) {
  return handleCallbellWebhook(new Request("http://bellhop.test/hook", { method: "POST", body }), secret, {
    secret: SECRET,
    db: async () => db,
  });
}

const statusEvent = (uuid: string, status: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event: "message_status_updated", payload: { uuid, status, metadata: {}, ...extra } });

describe("the Callbell webhook", () => {
  it("moves a send through each status and keeps every event with its payload", async () => {
    const db = await testDatabase();
    const id = await enqueuedSend(db, "u-each");
    for (const status of ["sent", "delivered", "read"]) {
      expect((await webhook(db, statusEvent("u-each", status))).status).toBe(200);
      expect((await findSendById(db, id))!.status).toBe(status);
    }
    const events = await listStatusEvents(db, "u-each");
    expect(events.map((event) => [event.status, event.source, event.applied])).toEqual([
      ["sent", "webhook", true],
      ["delivered", "webhook", true],
      ["read", "webhook", true],
    ]);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ uuid: "u-each", status: "sent" });
  });

  it("records a failure with its reason in words", async () => {
    const db = await testDatabase();
    const id = await enqueuedSend(db, "u-failed");
    await webhook(
      db,
      statusEvent("u-failed", "failed", {
        messageStatusPayload: {
          payload: { type: "failed", code: 1002, reason: "Number does not exist on WhatsApp" },
        },
      }),
    );
    expect(await findSendById(db, id)).toMatchObject({
      status: "failed",
      statusReason: "Number does not exist on WhatsApp (code 1002)",
    });
    await webhook(db, statusEvent("u-failed", "read"));
    expect((await findSendById(db, id))!.status).toBe("failed");
  });

  it("drops duplicates and ignores a late status", async () => {
    const db = await testDatabase();
    const id = await enqueuedSend(db, "u-order");
    expect(await (await webhook(db, statusEvent("u-order", "read"))).json()).toMatchObject({
      result: "recorded",
    });
    expect(await (await webhook(db, statusEvent("u-order", "read"))).json()).toMatchObject({
      result: "duplicate",
    });
    await webhook(db, statusEvent("u-order", "sent"));
    expect((await findSendById(db, id))!.status).toBe("read");
    const events = await listStatusEvents(db, "u-order");
    expect(events.map((event) => [event.status, event.applied])).toEqual([
      ["read", true],
      ["sent", false],
    ]);
  });

  it("keeps an event that comes before Callbell's answer and applies it once the uuid is known", async () => {
    const db = await testDatabase();
    expect(await (await webhook(db, statusEvent("u-early", "delivered"))).json()).toMatchObject({
      result: "unmatched",
    });
    const id = await enqueuedSend(db, "u-early");
    await applyPendingStatusEvents(db, id, "u-early");
    expect((await findSendById(db, id))!.status).toBe("delivered");
  });

  it("answers 503, never 500, when the database fails", async () => {
    const response = await handleCallbellWebhook(
      new Request("http://x/", { method: "POST", body: statusEvent("u", "sent") }),
      SECRET,
      { secret: SECRET, db: async () => Promise.reject(new Error("disk full")) },
    );
    expect(response.status).toBe(503);
  });
});

describe("the status poller", () => {
  function fakeCallbell(statusOf: (uuid: string) => string | Response) {
    const asked: string[] = [];
    const client = createCallbellClient({
      baseUrl: "https://api.example/v1",
      token: "t",
      timeoutMs: 1000,
      sleep: async () => {},
      fetch: async (url: string) => {
        const uuid = url.split("/").pop()!;
        asked.push(uuid);
        const status = statusOf(uuid);
        if (status instanceof Response) return status;
        return Response.json({
          message: {
            uuid,
            status,
            messageStatusPayload: status === "failed" ? { payload: { reason: "Opted out", code: 470 } } : {},
          },
        });
      },
    });
    return { client, asked };
  }

  it("stops asking once a message is final, and backs off while it is not", async () => {
    const db = await testDatabase();
    let clock = Date.now();
    const statuses: Record<string, string> = { "p-read": "read", "p-sent": "sent", "p-failed": "failed" };
    const ids: Record<string, number> = {};
    for (const uuid of Object.keys(statuses))
      ids[uuid] = await enqueuedSend(db, uuid, { nextPollAt: new Date(clock) });
    const { client, asked } = fakeCallbell((uuid) => statuses[uuid]!);
    const poller = createStatusPoller({
      db: async () => db,
      client: async () => client,
      perMinute: 60,
      now: () => clock,
    });

    expect(await poller.tick()).toMatchObject({ asked: 3, changed: 3 });
    expect(await findSendById(db, ids["p-failed"]!)).toMatchObject({
      status: "failed",
      statusReason: "Opted out (code 470)",
    });
    expect(await findSendById(db, ids["p-read"]!)).toMatchObject({ status: "read", nextPollAt: null });
    expect((await findSendById(db, ids["p-sent"]!))!.nextPollAt!.getTime()).toBe(clock + pollDelayMs(1));

    clock += 1_000;
    expect((await poller.tick()).asked).toBe(0);
    clock += pollDelayMs(1);
    statuses["p-sent"] = "delivered";
    expect(await poller.tick()).toMatchObject({ asked: 1, changed: 1 });
    expect(asked).toEqual(["p-read", "p-sent", "p-failed", "p-sent"]);
  });

  it("never asks more than its bound in any minute, however many messages wait", async () => {
    const db = await testDatabase();
    let clock = Date.now();
    for (let index = 0; index < 50; index += 1)
      await enqueuedSend(db, `bulk-${index}`, { nextPollAt: new Date(clock) });
    const { client, asked } = fakeCallbell(() => "sent");
    const poller = createStatusPoller({
      db: async () => db,
      client: async () => client,
      perMinute: 20,
      now: () => clock,
    });
    const perMinute: number[] = [];
    for (let minute = 0; minute < 4; minute += 1) {
      const before = asked.length;
      for (let second = 0; second < 60; second += 2) {
        await poller.tick();
        clock += 2_000;
      }
      perMinute.push(asked.length - before);
    }
    expect(Math.max(...perMinute)).toBeLessThanOrEqual(20);
    expect(perMinute[0]).toBe(20);
  });

  it("reads its bound on each tick when given as a function (the sandbox's is higher than an account's)", async () => {
    const db = await testDatabase();
    const clock = Date.now();
    for (let index = 0; index < 50; index += 1)
      await enqueuedSend(db, `mode-${index}`, { nextPollAt: new Date(clock) });
    const { client, asked } = fakeCallbell(() => "sent");
    let bound = 5;
    const poller = createStatusPoller({
      db: async () => db,
      client: async () => client,
      perMinute: async () => bound,
      now: () => clock,
    });
    await poller.tick();
    expect(asked).toHaveLength(5);
    bound = 30;
    await poller.tick();
    expect(asked).toHaveLength(30);
  });

  it("asks from one instance at a time, never twice about a message, and fails over when the leader stops", async () => {
    const db = await testDatabase();
    let clock = Date.now();
    for (let index = 0; index < 10; index += 1)
      await enqueuedSend(db, `shared-${index}`, { nextPollAt: new Date(clock) });
    const { client, asked } = fakeCallbell(() => "sent");
    const instance = (name: string) =>
      createStatusPoller({
        db: async () => db,
        client: async () => client,
        perMinute: 600,
        now: () => clock,
        lead: () => acquireLease(db, "poller", name, POLLER_LEASE_MS, clock),
      });
    const [first, second] = [instance("first"), instance("second")];
    const results = await Promise.all([first.tick(), second.tick()]);
    expect(results.map((result) => result.asked).sort()).toEqual([0, 10]);
    expect(new Set(asked).size).toBe(asked.length);
    const leader = results[0]!.asked > 0 ? first : second;
    const follower = leader === first ? second : first;

    // The leader renews its lease, then stops (it never ticks again): the messages are due again, but the other
    // instance only asks once that lease has expired.
    clock += pollDelayMs(1) / 2;
    expect((await leader.tick()).asked).toBe(0);
    clock += pollDelayMs(1) / 2;
    expect((await follower.tick()).asked).toBe(0);
    clock += POLLER_LEASE_MS;
    expect((await follower.tick()).asked).toBe(10);
    expect(asked).toHaveLength(20);
  });

  it("pauses everything after a 429 and skips messages older than a day", async () => {
    const db = await testDatabase();
    let clock = Date.now();
    await enqueuedSend(db, "old", {
      createdAt: new Date(clock - 25 * 3600_000),
      nextPollAt: new Date(clock - 1000),
    });
    await enqueuedSend(db, "limited-1", { nextPollAt: new Date(clock) });
    await enqueuedSend(db, "limited-2", { nextPollAt: new Date(clock) });
    const { client, asked } = fakeCallbell(() =>
      Response.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "1" } }),
    );
    const poller = createStatusPoller({
      db: async () => db,
      client: async () => client,
      perMinute: 60,
      now: () => clock,
    });
    expect(await poller.tick()).toMatchObject({ paused: true });
    // The client itself retries a 429 on reads; the poller then stops the tick at the first message.
    expect(new Set(asked)).toEqual(new Set(["limited-1"]));
    clock += 30_000;
    expect(await poller.tick()).toMatchObject({ asked: 0, paused: true });
    expect(asked).not.toContain("old");
  });
});
