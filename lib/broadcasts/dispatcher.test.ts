import { describe, expect, it } from "vitest";
import {
  claimNextRecipient,
  countRecipientsByState,
  findBroadcast,
  listRecipients,
} from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import { acquireLease, INSTANCE_LEASE_MS, instanceLeaseName } from "@/lib/db/cluster-queries";
import { DIALECT } from "@/lib/db/dialect";
import type { RecipientRow } from "@/lib/db/schema";
import type { SendResult } from "@/lib/messages/send-result";
import {
  cancelBroadcast,
  concurrencyFor,
  createDispatcher,
  pauseBroadcast,
  resumeBroadcast,
} from "./dispatcher";
import { settleInterruptedRecipients } from "./interrupted-rows";
import { broadcastOfRows, RATE_LIMITED, recordRowSend, virtualClock } from "./testing";

const setup = broadcastOfRows;

type Call = { rowId: number; attempts: number; at: number };

function fakeSend(clock: { now: () => number }, answer: (row: RecipientRow) => SendResult) {
  const calls: Call[] = [];
  let nextSend = 1;
  const send = async (_b: unknown, row: RecipientRow, leave?: () => Promise<void>) => {
    await leave?.();
    calls.push({ rowId: row.id, attempts: row.attempts, at: clock.now() });
    return answer(row);
  };
  const enqueued = (): SendResult => ({
    kind: "enqueued",
    sendId: nextSend++,
    uuid: `uuid-${nextSend}`,
    contactName: null,
  });
  return { calls, send, enqueued };
}

const state = async (db: Database, id: number) => (await findBroadcast(db, id))!.state;

describe("the broadcast dispatcher", () => {
  it("sends every row once at the configured pace, then completes", async () => {
    const { db, broadcast } = await setup(100, 10);
    const clock = virtualClock();
    const fake = fakeSend(clock, () => fake.enqueued());
    const dispatcher = createDispatcher({ db: async () => db, send: fake.send, ...clock });
    const started = clock.now();
    await dispatcher.ensure(broadcast.id);
    expect(fake.calls).toHaveLength(100);
    expect(new Set(fake.calls.map((call) => call.rowId)).size).toBe(100);
    // 100 starts at 10 a second: the last one 9.9 s after the first.
    expect(fake.calls.at(-1)!.at - started).toBeCloseTo(9_900, -1);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 100 });
    expect(await state(db, broadcast.id)).toBe("completed");
  });

  it("marks rejections failed with Callbell's message, timeouts unknown, and never sends either again", async () => {
    const { db, broadcast } = await setup(3);
    const clock = virtualClock();
    const fake = fakeSend(clock, (row): SendResult => {
      if (row.rowNumber === 2)
        return {
          kind: "rejected",
          sendId: 9,
          status: 400,
          notDelivered: false,
          message: "to is not a valid number",
          fieldErrors: {},
        };
      if (row.rowNumber === 3)
        return { kind: "unknown", sendId: 10, message: "Callbell did not answer within 15 s" };
      return fake.enqueued();
    });
    await createDispatcher({ db: async () => db, send: fake.send, ...clock }).ensure(broadcast.id);
    expect(fake.calls).toHaveLength(3);
    const rows = await listRecipients(db, broadcast.id);
    expect(rows.map((row) => [row.state, row.error])).toEqual([
      ["enqueued", null],
      ["failed", "to is not a valid number"],
      ["unknown", "Callbell did not answer within 15 s"],
    ]);
  });

  it("puts a 429 back for later, slows the whole broadcast down, and sends the row once it is accepted", async () => {
    const { db, broadcast } = await setup(20, 10);
    const clock = virtualClock();
    let limited = 0;
    const fake = fakeSend(clock, (row): SendResult => {
      if (row.rowNumber === 5 && limited < 2) {
        limited += 1;
        return RATE_LIMITED;
      }
      return fake.enqueued();
    });
    await createDispatcher({ db: async () => db, send: fake.send, ...clock }).ensure(broadcast.id);
    const row5 = fake.calls.filter((call) => call.rowId === 5);
    expect(row5.map((call) => call.attempts)).toEqual([1, 2, 3]);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 20 });
    // Before the 429 the starts are 100 ms apart. The slot booked while row 5 was on its way keeps its time; from the
    // next one on, 200 ms (half the rate), then the pace comes back step by step (pace-control.test.ts has the steps).
    const gaps = fake.calls.slice(1).map((call, index) => call.at - fake.calls[index]!.at);
    expect(gaps.slice(0, 6)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(gaps[6]).toBe(200);
    expect(Math.min(...gaps.slice(6))).toBeLessThan(200);
  });

  it("gives up on a row after 5 refusals in a row", async () => {
    const { db, broadcast } = await setup(1);
    const clock = virtualClock();
    const fake = fakeSend(clock, () => RATE_LIMITED);
    await createDispatcher({ db: async () => db, send: fake.send, ...clock }).ensure(broadcast.id);
    expect(fake.calls).toHaveLength(5);
    expect((await listRecipients(db, broadcast.id))[0]).toMatchObject({
      state: "failed",
      error: "Too many requests (after 5 attempts)",
    });
  });

  it("pauses, resumes where it stopped, and cancels the rest", async () => {
    const { db, broadcast } = await setup(30);
    const clock = virtualClock();
    const fake = fakeSend(clock, (row) => {
      if (row.rowNumber === 10) void pauseBroadcast(db, broadcast.id);
      return fake.enqueued();
    });
    const dispatcher = createDispatcher({ db: async () => db, send: fake.send, ...clock });
    await dispatcher.ensure(broadcast.id);
    expect(await state(db, broadcast.id)).toBe("paused");
    const sentBeforePause = fake.calls.length;
    expect(sentBeforePause).toBeGreaterThanOrEqual(10);
    expect(sentBeforePause).toBeLessThan(30);

    expect(await resumeBroadcast(db, broadcast.id)).toBe(true);
    let cancelledAt = 0;
    const fake2 = fakeSend(clock, (row) => {
      if (row.rowNumber === 20) {
        cancelledAt = fake.calls.length + fake2.calls.length;
        void cancelBroadcast(db, broadcast.id);
      }
      return fake2.enqueued();
    });
    await createDispatcher({ db: async () => db, send: fake2.send, ...clock }).ensure(broadcast.id);
    expect(await state(db, broadcast.id)).toBe("cancelled");
    const ids = [...fake.calls, ...fake2.calls].map((call) => call.rowId);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = await countRecipientsByState(db, broadcast.id);
    expect((counts.enqueued ?? 0) + (counts.cancelled ?? 0)).toBe(30);
    expect(counts.cancelled).toBeGreaterThan(0);
    expect(cancelledAt).toBeGreaterThanOrEqual(20);
  });

  it("claims no row of a paused broadcast, whatever the dispatcher read a moment before", async () => {
    const { db, broadcast } = await setup(2);
    expect(await pauseBroadcast(db, broadcast.id)).toBe(true);
    expect(await claimNextRecipient(db, broadcast.id)).toBeUndefined();
    expect(await resumeBroadcast(db, broadcast.id)).toBe(true);
    expect((await claimNextRecipient(db, broadcast.id))?.rowNumber).toBe(1);
  });

  it("after a restart, a row that was in flight is unknown and never sent again; the rest go", async () => {
    const { db, broadcast } = await setup(10);
    const clock = virtualClock();
    // The first process claims three rows, records their sends (their requests may leave) and dies before any answer.
    const hanging = fakeSend(clock, () => new Promise<never>(() => {}) as never);
    const first = createDispatcher({
      db: async () => db,
      send: async (b, row) => {
        await recordRowSend(db, b, row);
        return hanging.send(b, row);
      },
      maxConcurrency: 3,
      instance: "the first process",
      ...clock,
    });
    void first.ensure(broadcast.id);
    await expect.poll(() => hanging.calls.length).toBe(3);

    await expect.poll(async () => (await countRecipientsByState(db, broadcast.id)).sending).toBe(3);
    expect(await settleInterruptedRecipients(db)).toEqual({ unknown: 3 });
    const fake = fakeSend(clock, () => fake.enqueued());
    await createDispatcher({ db: async () => db, send: fake.send, ...clock }).ensure(broadcast.id);
    const hung = new Set(hanging.calls.map((call) => call.rowId));
    expect(fake.calls.some((call) => hung.has(call.rowId))).toBe(false);
    expect(fake.calls).toHaveLength(7);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 7, unknown: 3 });
  });

  it("keeps a quarter of a second of its pace in flight: 75 at 300 a second while Callbell does not answer", async () => {
    const { db, broadcast } = await setup(100, 300);
    const clock = virtualClock();
    const hanging = fakeSend(clock, () => new Promise<never>(() => {}) as never);
    void createDispatcher({ db: async () => db, send: hanging.send, ...clock }).ensure(broadcast.id);
    await expect.poll(() => hanging.calls.length).toBe(75);
    // No more while none has answered, however long it waits.
    await clock.sleep(5_000);
    expect(hanging.calls).toHaveLength(75);
    expect(concurrencyFor(10)).toBe(20);
    await cancelBroadcast(db, broadcast.id);
  });

  it("dispatched by two instances at once, sends every row once, at the broadcast's pace between them", async () => {
    const { db, broadcast } = await setup(40, 20);
    const calls: { rowId: number; instance: string }[] = [];
    const instance = (name: string) =>
      createDispatcher({
        db: async () => db,
        instance: name,
        send: async (_b, row) => {
          calls.push({ rowId: row.id, instance: name });
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { kind: "enqueued", sendId: row.id, uuid: `uuid-${row.id}`, contactName: null };
        },
      });
    const started = Date.now();
    await Promise.all([instance("a").ensure(broadcast.id), instance("b").ensure(broadcast.id)]);
    const elapsed = Date.now() - started;
    expect(calls).toHaveLength(40);
    expect(new Set(calls.map((call) => call.rowId)).size).toBe(40);
    expect(new Set(calls.map((call) => call.instance))).toEqual(new Set(["a", "b"]));
    // 40 starts at 20 a second between them: 39 intervals of 50 ms (each instance alone would have taken half).
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 40 });
    expect(await state(db, broadcast.id)).toBe("completed");
  });

  it("when an instance dies, its rows in flight become unknown once its lease is gone, and another sends the rest", async () => {
    const { db, broadcast } = await setup(10);
    const clock = virtualClock();
    await acquireLease(db, instanceLeaseName("dead"), "dead", INSTANCE_LEASE_MS, clock.now());
    const hanging = fakeSend(clock, () => new Promise<never>(() => {}) as never);
    const dead = createDispatcher({
      db: async () => db,
      send: async (b, row) => {
        await recordRowSend(db, b, row);
        return hanging.send(b, row);
      },
      maxConcurrency: 3,
      instance: "dead",
      ...clock,
    });
    void dead.ensure(broadcast.id);
    await expect.poll(() => hanging.calls.length).toBe(3);

    // On PostgreSQL the rows stay in flight while the dead instance's lease lasts; SQLite has one process, so a
    // restart finds them at once.
    const early = new Date(clock.now() + 1_000);
    const settled = async (at: Date) => (await settleInterruptedRecipients(db, at, "alive")).unknown ?? 0;
    expect(await settled(early)).toBe(DIALECT === "sqlite" ? 3 : 0);
    const late = new Date(clock.now() + INSTANCE_LEASE_MS + 1);
    expect(await settled(late)).toBe(DIALECT === "sqlite" ? 0 : 3);

    const fake = fakeSend(clock, () => fake.enqueued());
    await createDispatcher({ db: async () => db, send: fake.send, instance: "alive", ...clock }).ensure(
      broadcast.id,
    );
    const hung = new Set(hanging.calls.map((call) => call.rowId));
    expect(fake.calls.some((call) => hung.has(call.rowId))).toBe(false);
    expect(fake.calls).toHaveLength(7);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 7, unknown: 3 });
    expect(await state(db, broadcast.id)).toBe("completed");
  });
});
