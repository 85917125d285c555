import { describe, expect, it } from "vitest";
import { countRecipientsByState, createBroadcast, findBroadcast } from "@/lib/db/broadcast-queries";
import { testDatabase } from "@/lib/db/testing";
import { wallClock } from "@/lib/format/zoned-time";
import { changeBroadcastAsUser } from "./control";
import { createDispatcher } from "./dispatcher";
import { missedBroadcastNote, startBroadcastsDue } from "./start-due";
import { OUTAGE_NOTICE, virtualClock } from "./testing";

const HOUR = 60 * 60 * 1000;
const creator = { id: "u1", role: "agent" } as const;

async function scheduledBroadcast(at: Date) {
  const db = await testDatabase();
  const broadcast = await createBroadcast(
    db,
    { ...OUTAGE_NOTICE, scheduledFor: at, scheduledZone: "Europe/Madrid" },
    [1, 2, 3].map((n) => ({ rowNumber: n, phone: `+3161000000${n}`, values: '["Jo"]', mediaUrl: null })),
  );
  return { db, id: broadcast.id };
}

/** `at` as the wall clock of Madrid reads it, to the minute (what the page's `Start at` gives). */
const madrid = (at: number) => {
  const c = wallClock(at, "Europe/Madrid");
  const two = (n: number) => String(n).padStart(2, "0");
  return `${c.year}-${two(c.month)}-${two(c.day)}T${two(c.hour)}:${two(c.minute)}`;
};

describe("a broadcast started later", () => {
  it("waits, scheduled, sending nothing, until its time; then it starts once, whoever asks", async () => {
    const at = new Date(Date.parse("2026-11-28T08:00:00Z"));
    const { db, id } = await scheduledBroadcast(at);
    expect(await findBroadcast(db, id)).toMatchObject({ state: "scheduled", startedAt: null });
    const sends: number[] = [];
    const clock = virtualClock();
    await createDispatcher({
      db: async () => db,
      send: async (_b, row) => (sends.push(row.id), { kind: "unknown", sendId: 1, message: "" }),
      ...clock,
    }).ensure(id);
    expect(sends).toEqual([]);

    const dispatched: number[] = [];
    const before = await startBroadcastsDue(db, new Date(at.getTime() - 1), HOUR, (n) => dispatched.push(n));
    expect(before).toBe(0);
    // Two instances at its time: one statement each, so one of them starts it.
    const started = await Promise.all([
      startBroadcastsDue(db, at, HOUR, (n) => dispatched.push(n)),
      startBroadcastsDue(db, at, HOUR, (n) => dispatched.push(n)),
    ]);
    expect(started.sort()).toEqual([0, 1]);
    expect(dispatched).toEqual([id]);
    expect(await findBroadcast(db, id)).toMatchObject({ state: "running", startedAt: at });
  });

  it("is missed, with a sentence, when Bellhop gets to it more than the late limit after its time", async () => {
    const at = new Date(Date.parse("2026-11-28T08:00:00Z"));
    const { db, id } = await scheduledBroadcast(at);
    const dispatched: number[] = [];
    expect(
      await startBroadcastsDue(db, new Date(at.getTime() + HOUR + 1), HOUR, (n) => dispatched.push(n)),
    ).toBe(0);
    expect(dispatched).toEqual([]);
    const missed = await findBroadcast(db, id);
    expect(missed).toMatchObject({ state: "missed", stateNote: missedBroadcastNote(HOUR) });
    expect(missed!.stateNote).toContain("more than 1 h ago");
    expect(await countRecipientsByState(db, id)).toEqual({ waiting: 3 });
  });

  it("is started late when it is less than the late limit late (Bellhop was down at its time)", async () => {
    const at = new Date(Date.parse("2026-11-28T08:00:00Z"));
    const { db, id } = await scheduledBroadcast(at);
    const dispatched: number[] = [];
    expect(
      await startBroadcastsDue(db, new Date(at.getTime() + HOUR - 1), HOUR, (n) => dispatched.push(n)),
    ).toBe(1);
    expect(dispatched).toEqual([id]);
  });

  it("can be given a new time, started now, or cancelled, by its creator; not paused", async () => {
    const { db, id } = await scheduledBroadcast(new Date(Date.now() + 2 * HOUR));
    expect(await changeBroadcastAsUser(db, creator, id, "pause")).toMatchObject({ kind: "unchanged" });
    const later = Date.now() + 3 * HOUR;
    const moved = await changeBroadcastAsUser(db, creator, id, "reschedule", {
      local: madrid(later),
      zone: "Europe/Madrid",
    });
    expect(moved).toMatchObject({
      kind: "changed",
      progress: { state: "scheduled", scheduledZone: "Europe/Madrid" },
    });
    expect(Math.abs((await findBroadcast(db, id))!.scheduledFor!.getTime() - later)).toBeLessThan(60_000);

    const past = await changeBroadcastAsUser(db, creator, id, "reschedule", {
      local: madrid(Date.now() - HOUR),
      zone: "Europe/Madrid",
    });
    expect(past).toEqual({
      kind: "invalid",
      field: "startAt",
      message: "Choose a time in the future (or use Start now)",
    });

    expect(await changeBroadcastAsUser(db, creator, id, "start")).toMatchObject({
      kind: "changed",
      progress: { state: "running" },
    });
    expect(
      await changeBroadcastAsUser(db, creator, id, "reschedule", { local: madrid(later), zone: "UTC" }),
    ).toMatchObject({
      kind: "unchanged",
    });
  });

  it("cancelled before its time, none of its rows will ever be sent", async () => {
    const { db, id } = await scheduledBroadcast(new Date(Date.now() + HOUR));
    expect(await changeBroadcastAsUser(db, creator, id, "cancel")).toMatchObject({
      kind: "changed",
      progress: { state: "cancelled" },
    });
    expect(await countRecipientsByState(db, id)).toEqual({ cancelled: 3 });
    expect(await startBroadcastsDue(db, new Date(Date.now() + 2 * HOUR), HOUR, () => {})).toBe(0);
  });
});
