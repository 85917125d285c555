import { describe, expect, it } from "vitest";
import { claimNextRecipient, countRecipientsByState, listRecipients } from "@/lib/db/broadcast-queries";
import { recordSendOutcome } from "@/lib/db/send-queries";
import type { RecipientRow } from "@/lib/db/schema";
import type { SendResult } from "@/lib/messages/send-result";
import { createDispatcher } from "./dispatcher";
import { settleInterruptedRecipients } from "./interrupted-rows";
import { broadcastOfRows, recordRowSend, virtualClock } from "./testing";

const setup = (rows: number, ratePerSecond = 10) => broadcastOfRows(rows, ratePerSecond, "+3162000");

function recorder(clock: { now: () => number }) {
  const calls: { rowId: number; at: number }[] = [];
  const send = async (_b: unknown, row: RecipientRow): Promise<SendResult> => {
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
    const send = async (b: unknown, row: RecipientRow) => {
      if (row.rowNumber === 2 && thrown++ === 0) throw new Error("the database is locked");
      return fake.send(b, row);
    };
    await createDispatcher({ db: async () => db, send, ...clock }).ensure(broadcast.id);
    expect(fake.calls.map((call) => call.rowId).toSorted()).toEqual([1, 2, 3]);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 3 });
  });

  it("never starts more than its pace plus one in any second, after a stall too", async () => {
    const { db, broadcast } = await setup(60, 10);
    const clock = virtualClock();
    const fake = recorder(clock);
    const send = async (b: unknown, row: RecipientRow) => {
      const result = await fake.send(b, row);
      // The process stalls for 900 ms (a long garbage collection, a slow disk) once the 20th send has left.
      if (row.rowNumber === 20) clock.time += 900;
      return result;
    };
    await createDispatcher({ db: async () => db, send, ...clock }).ensure(broadcast.id);
    expect(fake.calls).toHaveLength(60);
    expect(busiestSecond(fake.calls.map((call) => call.at))).toBeLessThanOrEqual(11);
  });

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
