import { describe, expect, it } from "vitest";
import { countRecipientsByState, findBroadcast } from "@/lib/db/broadcast-queries";
import { broadcasts } from "@/lib/db/schema";
import type { RecipientRow } from "@/lib/db/schema";
import type { SendResult } from "@/lib/messages/send-result";
import { eq } from "drizzle-orm";
import { createDispatcher, pauseBroadcast, resumeBroadcast } from "./dispatcher";
import { insideSendingHours, type SendingHours } from "./sending-hours";
import { broadcastOfRows, virtualClock } from "./testing";

const HOUR = 3_600_000;

/** Five seconds a day, every day, in UTC. */
const SHORT_DAYS: SendingHours = {
  from: "09:00:00",
  to: "09:00:05",
  zone: "UTC",
  days: [1, 2, 3, 4, 5, 6, 7],
};

async function withHours(rows: number, rate: number, hours: SendingHours) {
  const { db, broadcast } = await broadcastOfRows(rows, rate);
  await db
    .update(broadcasts)
    .set({ sendingHours: JSON.stringify(hours) })
    .where(eq(broadcasts.id, broadcast.id));
  return { db, broadcast };
}

function recordingSend(clock: { now: () => number }) {
  const calls: Array<{ rowId: number; at: number }> = [];
  let id = 0;
  const send = async (_b: unknown, row: RecipientRow, leave?: () => Promise<void>): Promise<SendResult> => {
    await leave?.();
    calls.push({ rowId: row.id, at: clock.now() });
    id += 1;
    return { kind: "enqueued", sendId: id, uuid: `uuid-${id}`, contactName: null };
  };
  return { calls, send };
}

describe("a broadcast with sending hours", { timeout: 60_000 }, () => {
  it("sends only inside its hours, waits across the closed ones and goes on by itself, each row once", async () => {
    const { db, broadcast } = await withHours(1_200, 100, SHORT_DAYS);
    // Ten seconds before the first opening: it waits, then sends 500 a day (5 s at 100 a second) for three days.
    const clock = virtualClock(Date.parse("2026-11-27T08:59:50Z"));
    const fake = recordingSend(clock);
    await createDispatcher({ db: async () => db, send: fake.send, ...clock, waitingRereadMs: HOUR }).ensure(
      broadcast.id,
    );

    expect(fake.calls).toHaveLength(1_200);
    expect(new Set(fake.calls.map((call) => call.rowId)).size).toBe(1_200);
    const outside = fake.calls.filter((call) => !insideSendingHours(SHORT_DAYS, call.at));
    expect(outside).toEqual([]);
    const perDay = new Map<string, number>();
    for (const call of fake.calls) {
      const day = new Date(call.at).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay.values()]).toEqual([500, 500, 200]);
    expect(await countRecipientsByState(db, broadcast.id)).toEqual({ enqueued: 1_200 });
    expect((await findBroadcast(db, broadcast.id))!.state).toBe("completed");
  });

  it("can be paused while it waits, and resumed to send when its hours open", async () => {
    const { db, broadcast } = await withHours(20, 10, SHORT_DAYS);
    const clock = virtualClock(Date.parse("2026-11-27T09:00:10Z"));
    const fake = recordingSend(clock);
    const dispatcher = createDispatcher({
      db: async () => db,
      send: fake.send,
      ...clock,
      waitingRereadMs: HOUR,
    });
    expect(await pauseBroadcast(db, broadcast.id)).toBe(true);
    await dispatcher.ensure(broadcast.id);
    expect(fake.calls).toEqual([]);
    expect(await resumeBroadcast(db, broadcast.id)).toBe(true);
    await dispatcher.ensure(broadcast.id);
    expect(fake.calls).toHaveLength(20);
    expect(fake.calls.every((call) => insideSendingHours(SHORT_DAYS, call.at))).toBe(true);
    expect(new Date(fake.calls[0]!.at).toISOString()).toBe("2026-11-28T09:00:00.000Z");
  });

  it("puts back, unsent, a row whose departure falls after the hours end", async () => {
    const hours = { ...SHORT_DAYS, to: "09:00:01" };
    const { db, broadcast } = await withHours(12, 10, hours);
    const clock = virtualClock(Date.parse("2026-11-27T09:00:00Z"));
    const fake = recordingSend(clock);
    const attempts: number[] = [];
    await createDispatcher({
      db: async () => db,
      send: async (b, row, leave) => {
        attempts.push(row.attempts);
        return fake.send(b, row, leave);
      },
      ...clock,
      waitingRereadMs: HOUR,
      // Each send leaves 300 ms after its slot: the slot at 09:00:00.9 is inside, its departure is not.
      departAfterMs: () => 300,
    }).ensure(broadcast.id);
    expect(fake.calls.filter((call) => !insideSendingHours(hours, call.at))).toEqual([]);
    expect(fake.calls).toHaveLength(12);
    // A row put back at the end of the hours gave its attempt back: each went once, as its first attempt.
    expect(new Set(attempts)).toEqual(new Set([1]));
  });

  it("sends what was put back at the end of its hours as soon as they open again, even when they were changed", async () => {
    const hours = { ...SHORT_DAYS, to: "09:00:01" };
    const { db, broadcast } = await withHours(12, 10, hours);
    const clock = virtualClock(Date.parse("2026-11-27T09:00:00Z"));
    const fake = recordingSend(clock);
    let changed = false;
    await createDispatcher({
      db: async () => db,
      send: fake.send,
      now: clock.now,
      // While it waits after its first hours, an admin gives it new ones that open a minute later.
      sleep: async (ms) => {
        if (!changed && ms > 1_000) {
          changed = true;
          const next = { ...SHORT_DAYS, from: "09:02:00", to: "09:03:00" };
          await db
            .update(broadcasts)
            .set({ sendingHours: JSON.stringify(next) })
            .where(eq(broadcasts.id, broadcast.id));
        }
        await clock.sleep(ms);
      },
      waitingRereadMs: 5_000,
      departAfterMs: () => 300,
    }).ensure(broadcast.id);
    expect(changed).toBe(true);
    expect(fake.calls).toHaveLength(12);
    // All on the first day: none waited for the next one.
    expect(fake.calls.every((call) => call.at < Date.parse("2026-11-27T09:03:00Z"))).toBe(true);
  });
});
