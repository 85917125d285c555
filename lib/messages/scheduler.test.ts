import { describe, expect, it } from "vitest";
import { OUTAGE_NOTICE } from "@/lib/broadcasts/testing";
import { createBroadcast } from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import { nextScheduled, nextScheduledAt, recordScheduledSend } from "@/lib/db/schedule-queries";
import type { SendRow } from "@/lib/db/schema";
import { testDatabase } from "@/lib/db/testing";
import { createScheduler, type SchedulerDependencies } from "./scheduler";
import type { Departure, FireOutcome } from "./send-later";

const T = Date.parse("2026-11-27T09:00:00Z");
const SENT: FireOutcome = {
  kind: "sent",
  result: { kind: "enqueued", sendId: 1, uuid: "u", contactName: null },
};

/**
 * A virtual clock shared by several schedulers: a sleep ends at its time, the earliest first, the clock moving on to
 * it then (and not before: what one sleeper does on waking happens at its own time, whoever else sleeps).
 */
function sharedClock(start = T) {
  const timers: { until: number; wake: () => void }[] = [];
  let ticking = false;
  const next = () => {
    const timer = timers.sort((a, b) => a.until - b.until).shift();
    if (!timer) {
      ticking = false;
      return;
    }
    clock.time = Math.max(clock.time, timer.until);
    timer.wake();
    setImmediate(next);
  };
  const clock = {
    time: start,
    now: () => clock.time,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ until: clock.time + ms, wake });
        if (!ticking) {
          ticking = true;
          setImmediate(next);
        }
      }),
  };
  return clock;
}

/** `count` text messages scheduled for `at`, to `+316100000NN`. */
async function scheduleMessages(db: Database, count: number, at: Date) {
  for (let index = 0; index < count; index++) {
    const recipient = `+3161000${String(index).padStart(4, "0")}`;
    await recordScheduledSend(
      db,
      {
        idempotencyKey: `scheduler-test-${String(index).padStart(4, "0")}`,
        recipient,
        platform: "whatsapp",
        messageType: "text",
        channelUuid: "whatsapp-main",
        templateUuid: null,
        templateTitle: null,
        templateValueCount: 0,
        requestBody: "{}",
        senderId: null,
        senderEmail: null,
        broadcastId: null,
        broadcastRowId: null,
        attempts: 1,
        scheduledFor: at,
        scheduledZone: "UTC",
        scheduledForm: "{}",
      },
      new Date(at.getTime() - 3_600_000),
    );
  }
}

/** Counts the statements that reach the database (the driver's calls, whichever query builder made them). */
function countStatements(db: Database): () => number {
  const client = (db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> }).$client;
  const method = typeof client.execute === "function" ? "execute" : "query";
  const original = client[method]!.bind(client);
  let count = 0;
  client[method] = (...args: unknown[]) => {
    count += 1;
    return original(...args);
  };
  return () => count;
}

/** The most starts in any one-second window. */
const busiestSecond = (times: number[]) =>
  Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1_000).length));

const scheduler = (
  db: Database,
  clock: ReturnType<typeof sharedClock>,
  deps: Partial<SchedulerDependencies>,
) =>
  createScheduler({
    db: async () => db,
    fire: async () => SENT,
    lateLimitMs: 3_600_000,
    ratePerSecond: 10,
    now: clock.now,
    sleep: clock.sleep,
    ...deps,
  });

describe("the scheduler's pace and concurrency", () => {
  it("fires a backlog at the pace it shares with every other instance, each message once", async () => {
    const db = await testDatabase();
    await scheduleMessages(db, 40, new Date(T));
    const clock = sharedClock();
    const fired: { id: number; at: number }[] = [];
    const fire = async (row: SendRow, depart: Departure) => {
      await depart(async () => true);
      fired.push({ id: row.id, at: clock.now() });
      return SENT;
    };
    // Three instances find the same 40 messages due at once.
    const instances = [1, 2, 3].map(() => scheduler(db, clock, { fire }));
    const ticks = await Promise.all(instances.map((instance) => instance.tick()));
    expect(ticks.reduce((sum, tick) => sum + tick.fired, 0)).toBe(40);
    expect(new Set(fired.map((one) => one.id)).size).toBe(40);
    // 10 a second between them (the pace, plus the one start a late timer may catch up): 40 take about 4 s.
    expect(busiestSecond(fired.map((one) => one.at))).toBeLessThanOrEqual(11);
    expect(Math.max(...fired.map((one) => one.at)) - T).toBeGreaterThanOrEqual(3_800);
  });

  it("has several messages on their way at once, never more than its bound", async () => {
    const db = await testDatabase();
    await scheduleMessages(db, 12, new Date(T));
    const clock = sharedClock();
    let onTheirWay = 0;
    let most = 0;
    const fire = async (_row: SendRow, depart: Departure) => {
      await depart(async () => true);
      onTheirWay += 1;
      most = Math.max(most, onTheirWay);
      // A slow Callbell: each send takes a while (in real time; the pace's waits are virtual).
      await new Promise((resolve) => setTimeout(resolve, 20));
      onTheirWay -= 1;
      return SENT;
    };
    const tick = await scheduler(db, clock, { fire, ratePerSecond: 100, maxInFlight: 3 }).tick();
    expect(tick.fired).toBe(12);
    expect(most).toBe(3);
  });

  it("lets requests leave at the pace even when their checks end together (a cold cache after a restart)", async () => {
    const db = await testDatabase();
    await scheduleMessages(db, 20, new Date(T));
    const clock = sharedClock();
    const left: number[] = [];
    // The first ten checks wait for one slow read (Callbell's channel list, say), which ends as the tenth begins.
    let checks = 0;
    let endColdRead = () => {};
    const coldRead = new Promise<void>((resolve) => (endColdRead = resolve));
    const fire = async (_row: SendRow, depart: Departure) => {
      if (++checks === 10) endColdRead();
      if (checks <= 10) await coldRead;
      await depart(async () => true);
      left.push(clock.now());
      return SENT;
    };
    expect((await scheduler(db, clock, { fire }).tick()).fired).toBe(20);
    expect(left).toHaveLength(20);
    expect(busiestSecond(left)).toBeLessThanOrEqual(11);
  });

  it("checks no faster than twice the pace: messages refused when they fire (their contact looked up) take turns", async () => {
    const db = await testDatabase();
    await scheduleMessages(db, 30, new Date(T));
    const clock = sharedClock();
    const checked: number[] = [];
    const fire = async (): Promise<FireOutcome> => {
      checked.push(clock.now());
      return { kind: "refused", message: "Not sent at its time: the customer's 24-hour window closed" };
    };
    expect((await scheduler(db, clock, { fire }).tick()).fired).toBe(30);
    expect(busiestSecond(checked)).toBeLessThanOrEqual(21);
  });
});

describe("the scheduler and scheduled broadcasts", () => {
  it("reads the next message and the next broadcast in one statement a tick while nothing is due", async () => {
    const db = await testDatabase();
    await scheduleMessages(db, 1, new Date(T + 60_000));
    await createBroadcast(
      db,
      { ...OUTAGE_NOTICE, scheduledFor: new Date(T + 30_000), scheduledZone: "UTC" },
      [],
    );
    expect(await nextScheduled(db)).toEqual({
      sends: new Date(T + 60_000),
      broadcasts: new Date(T + 30_000),
    });
    expect(await nextScheduledAt(db)).toEqual(new Date(T + 30_000));
    const clock = sharedClock();
    const started: Date[] = [];
    const instance = scheduler(db, clock, {
      startBroadcasts: async (now) => (started.push(now), 0),
      fire: async () => {
        throw new Error("nothing is due");
      },
    });
    const statements = countStatements(db);
    for (let second = 0; second < 5; second++) {
      expect(await instance.tick()).toEqual({ fired: 0, missed: 0, broadcasts: 0 });
      clock.time += 1_000;
    }
    expect(statements()).toBe(5);
    expect(started).toEqual([]);
  });

  it("starts the broadcasts that are due, before it fires the messages that are", async () => {
    const db = await testDatabase();
    await createBroadcast(db, { ...OUTAGE_NOTICE, scheduledFor: new Date(T), scheduledZone: "UTC" }, []);
    const clock = sharedClock(T + 1_000);
    const calls: string[] = [];
    const instance = scheduler(db, clock, {
      startBroadcasts: async (now) => (calls.push(`broadcasts at ${now.toISOString()}`), 1),
      fire: async (row) => (calls.push(`message ${row.recipient}`), SENT),
    });
    // Only a broadcast is due: it is started, and no message is looked for.
    const statements = countStatements(db);
    expect(await instance.tick()).toEqual({ fired: 0, missed: 0, broadcasts: 1 });
    expect(statements()).toBe(1);
    expect(calls).toEqual(["broadcasts at 2026-11-27T09:00:01.000Z"]);

    // A message due as well: the broadcasts first (the fake left this one scheduled), then the message.
    await scheduleMessages(db, 1, new Date(T + 1_000));
    calls.length = 0;
    expect(await instance.tick()).toEqual({ fired: 1, missed: 0, broadcasts: 1 });
    expect(calls).toEqual(["broadcasts at 2026-11-27T09:00:01.000Z", "message +31610000000"]);
  });
});
