import { describe, expect, it } from "vitest";
import { claimNextRecipient, countRecipientsByState, listRecipients } from "@/lib/db/broadcast-queries";
import { recordSendOutcome } from "@/lib/db/send-queries";
import type { RecipientRow } from "@/lib/db/schema";
import type { SendResult } from "@/lib/messages/send-result";
import { createDispatcher } from "./dispatcher";
import { settleInterruptedRecipients } from "./interrupted-rows";
import { DIALECT } from "@/lib/db/dialect";
import { broadcastOfRows, recordRowSend, timerClock, virtualClock } from "./testing";

const setup = (rows: number, ratePerSecond = 10) => broadcastOfRows(rows, ratePerSecond, "+3162000");

function recorder(clock: { now: () => number }) {
  const calls: { rowId: number; at: number }[] = [];
  const send = async (_b: unknown, row: RecipientRow, leave?: () => Promise<void>): Promise<SendResult> => {
    await leave?.();
    calls.push({ rowId: row.id, at: clock.now() });
    return { kind: "enqueued", sendId: row.id, uuid: `uuid-${row.id}`, contactName: null };
  };
  return { calls, send };
}

/** The most starts in any one-second window. */
const busiestSecond = (times: number[]) =>
  Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1_000).length));

describe("a broadcast under faults", () => {
  it("sends a row claimed by a dead instance before it recorded a send, exactly once; unknown only if one may have left", async () => {
    const { db, broadcast } = await setup(10);
    const dead = "a killed instance";
    // The dead instance claimed four rows: it died before recording the first two (nothing left), after recording
    // the third (its request may have left), and after Callbell accepted the fourth (the row was not yet told).
    const claimed: RecipientRow[] = [];
    for (let i = 0; i < 4; i++) claimed.push((await claimNextRecipient(db, broadcast.id, new Date(), dead))!);
    await recordRowSend(db, broadcast, claimed[2]!);
    const accepted = await recordRowSend(db, broadcast, claimed[3]!);
    await recordSendOutcome(db, accepted.id, { status: "enqueued", callbellUuid: "uuid-accepted" });

    expect(await settleInterruptedRecipients(db, new Date(), "alive")).toEqual({
      waiting: 2,
      unknown: 1,
      enqueued: 1,
    });
    const clock = virtualClock();
    const fake = recorder(clock);
    await createDispatcher({ db: async () => db, send: fake.send, instance: "alive", ...clock }).ensure(
      broadcast.id,
    );
    const sent = fake.calls.map((call) => call.rowId);
    expect(sent.toSorted((a, b) => a - b)).toEqual(
      [claimed[0]!.id, claimed[1]!.id, ...[5, 6, 7, 8, 9, 10]].toSorted((a, b) => a - b),
    );
    const rows = await listRecipients(db, broadcast.id);
    expect(rows.filter((row) => row.state === "unknown").map((row) => row.id)).toEqual([claimed[2]!.id]);
    // The attempt a claim that sent nothing made is given back.
    expect(rows.find((row) => row.id === claimed[0]!.id)).toMatchObject({ state: "enqueued", attempts: 1 });
    expect(rows.find((row) => row.id === claimed[3]!.id)).toMatchObject({
      state: "enqueued",
      callbellUuid: "uuid-accepted",
    });
  });

  it("puts a row whose send threw before recording anything back for later, and sends it once", async () => {
    const { db, broadcast } = await setup(3);
    const clock = virtualClock();
    const fake = recorder(clock);
    let thrown = 0;
    const send = async (b: unknown, row: RecipientRow, leave: () => Promise<void>) => {
      if (row.rowNumber === 2 && thrown++ === 0) throw new Error("the database is locked");
      return fake.send(b, row, leave);
    };
    await createDispatcher({ db: async () => db, send, ...clock }).ensure(broadcast.id);
    expect(fake.calls.map((call) => call.rowId).toSorted()).toEqual([1, 2, 3]);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 3 });
  });

  it("never starts more than its pace plus one in any second, after a stall too", async () => {
    const { db, broadcast } = await setup(60, 10);
    const clock = virtualClock();
    const fake = recorder(clock);
    const send = async (b: unknown, row: RecipientRow, leave: () => Promise<void>) => {
      const result = await fake.send(b, row, leave);
      // The process stalls for 900 ms (a long garbage collection, a slow disk) once the 20th send has left.
      if (row.rowNumber === 20) clock.time += 900;
      return result;
    };
    await createDispatcher({ db: async () => db, send, ...clock }).ensure(broadcast.id);
    expect(fake.calls).toHaveLength(60);
    expect(busiestSecond(fake.calls.map((call) => call.at))).toBeLessThanOrEqual(11);
  });

  it.runIf(DIALECT === "sqlite")(
    "holds 300 a second when its timers wake late, as on a busy process, and its requests leave in their turns",
    async () => {
      const { db, broadcast } = await setup(600, 300);
      // Sleeps end up to 6 ms late (up to two intervals of 300 a second), unevenly: timers on a loaded event loop.
      const clock = timerClock((n) => [0, 2, 6, 1, 4][n % 5]!);
      const fake = recorder(clock);
      const interval = 1000 / 300;
      await createDispatcher({
        db: async () => db,
        send: fake.send,
        ...clock,
        departAfterMs: () => 5 * interval,
      }).ensure(broadcast.id);
      expect(fake.calls).toHaveLength(600);
      const times = fake.calls.map((call) => call.at);
      const seconds = (times.at(-1)! - times[0]!) / 1000;
      // 599 intervals at 300 a second: 2.0 s. Taking each slot only when it had come held 185 a second.
      expect(599 / seconds).toBeGreaterThan(285);
      // Each request left at its slot plus the departure delay (and its own timer's lateness, at most 6 ms).
      expect(busiestSecond(times)).toBeLessThanOrEqual(301 + 2);
    },
  );

  it.runIf(DIALECT === "sqlite")(
    "a send ready after its turn leaves in the next free one, not beside another: the pace plus one at Callbell",
    async () => {
      const { db, broadcast } = await setup(100, 20);
      const clock = timerClock();
      const fake = recorder(clock);
      await createDispatcher({
        db: async () => db,
        // Four sends in a row have their records held up 400 ms (a busy process, a slow disk): past their turns.
        send: async (b, row, leave) => {
          if (row.rowNumber >= 50 && row.rowNumber < 54) await clock.sleep(400);
          return fake.send(b, row, leave);
        },
        ...clock,
        departAfterMs: () => 250,
      }).ensure(broadcast.id);
      expect(fake.calls).toHaveLength(100);
      expect(new Set(fake.calls.map((call) => call.rowId)).size).toBe(100);
      const times = fake.calls.map((call) => call.at);
      // Left late, beside the sends in the next turns, the held-up sends made 23 in a second.
      expect(busiestSecond(times)).toBeLessThanOrEqual(21);
      // Each held-up send cost one turn: 100 sends in 104 turns.
      expect((times.at(-1)! - times[0]!) / 50).toBe(103);
    },
  );

  it.runIf(DIALECT === "sqlite")(
    "after a stall of the process, the sends held for their turns do not leave together",
    async () => {
      const { db, broadcast } = await setup(300, 100);
      // The process stalls from 1.0 s to 1.3 s after the start (a long collection, a slow disk): every timer due then
      // wakes at its end.
      const start = 1_000_000;
      const stall = { from: start + 1_000, to: start + 1_300 };
      const clock = timerClock((_n, at) => (at > stall.from && at < stall.to ? stall.to - at : 0), start);
      const fake = recorder(clock);
      await createDispatcher({
        db: async () => db,
        send: fake.send,
        ...clock,
        departAfterMs: () => 50,
      }).ensure(broadcast.id);
      expect(fake.calls).toHaveLength(300);
      // Left together after it, beside the next ones in their turns, the sends held for theirs made 103 in a second.
      expect(busiestSecond(fake.calls.map((call) => call.at))).toBeLessThanOrEqual(101);
    },
  );

  it("recovers its pace within seconds of a storm of 429s, one history row per recipient", async () => {
    const { db, broadcast } = await setup(50, 10);
    const clock = virtualClock();
    const starts: { rowId: number; at: number; answer: number }[] = [];
    let storm = 40;
    const send = async (_b: unknown, row: RecipientRow): Promise<SendResult> => {
      const answer = storm-- > 0 ? 429 : 200;
      starts.push({ rowId: row.id, at: clock.now(), answer });
      return answer === 429
        ? {
            kind: "rejected",
            sendId: null,
            status: 429,
            notDelivered: false,
            message: "Too many",
            fieldErrors: {},
          }
        : { kind: "enqueued", sendId: row.id, uuid: `uuid-${row.id}`, contactName: null };
    };
    await createDispatcher({ db: async () => db, send, ...clock }).ensure(broadcast.id);
    const last429 = starts.filter((start) => start.answer === 429).at(-1)!.at;
    const end = starts.at(-1)!.at;
    expect(end - last429).toBeLessThanOrEqual(15_000);
    const perRow = new Map<number, number>();
    for (const start of starts) perRow.set(start.rowId, (perRow.get(start.rowId) ?? 0) + 1);
    expect(Math.max(...perRow.values())).toBeLessThanOrEqual(5);
    expect(busiestSecond(starts.map((start) => start.at))).toBeLessThanOrEqual(11);
    const counts = await countRecipientsByState(db, broadcast.id);
    expect((counts.enqueued ?? 0) + (counts.failed ?? 0)).toBe(50);
  });
});
