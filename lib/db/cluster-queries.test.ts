import { describe, expect, it } from "vitest";
import { acquireLease, bookPace, releaseLease, takePace } from "./cluster-queries";
import { testDatabase } from "./testing";

describe("leases", () => {
  it("go to one holder at a time, are renewed by it, and pass to another once they expire", async () => {
    const db = await testDatabase();
    const asked = await Promise.all(
      ["a", "b", "c", "d"].map((holder) => acquireLease(db, "poller", holder, 10_000, 1_000)),
    );
    expect(asked.filter((held) => held)).toHaveLength(1);
    const holder = ["a", "b", "c", "d"][asked.indexOf(true)]!;
    const other = holder === "a" ? "b" : "a";
    expect(await acquireLease(db, "poller", holder, 10_000, 9_000)).toBe(true);
    // Renewed at 9 s, so it holds until 19 s.
    expect(await acquireLease(db, "poller", other, 10_000, 18_999)).toBe(false);
    expect(await acquireLease(db, "poller", other, 10_000, 19_000)).toBe(true);
    await releaseLease(db, "poller", other);
    expect(await acquireLease(db, "poller", holder, 10_000, 19_001)).toBe(true);
  });
});

describe("a shared pace", () => {
  it("gives each caller its own slot, one interval apart, and says how long to wait for the next", async () => {
    const db = await testDatabase();
    const options = { intervalMs: 100, catchUpMs: 0 };
    const taken = await Promise.all(
      Array.from(
        { length: 5 },
        async () => (await takePace(db, "broadcast:1", { ...options, now: 10_000 })).waitMs,
      ),
    );
    expect(taken.filter((wait) => wait === 0)).toHaveLength(1);
    expect(taken.filter((wait) => wait > 0).every((wait) => wait === 100)).toBe(true);
    expect(await takePace(db, "broadcast:1", { ...options, now: 10_050 })).toEqual({
      waitMs: 50,
      nextAt: 10_100,
    });
    // Taken: when the next one comes, so the caller need not ask before it.
    expect(await takePace(db, "broadcast:1", { ...options, now: 10_100 })).toEqual({
      waitMs: 0,
      nextAt: 10_200,
    });
    // Another key has a pace of its own.
    expect((await takePace(db, "broadcast:2", { ...options, now: 10_100 })).waitMs).toBe(0);
  });

  it("catches up a short lag, not a long one", async () => {
    const db = await testDatabase();
    const options = { intervalMs: 100, catchUpMs: 1_000 };
    expect((await takePace(db, "k", { ...options, now: 0 })).waitMs).toBe(0);
    // 5 s late: the slot due now, and the ten of the last second (the catch-up) go at once; the rest are lost.
    let caughtUp = 0;
    while ((await takePace(db, "k", { ...options, now: 5_000 })).waitMs === 0) caughtUp += 1;
    expect(caughtUp).toBe(11);
    expect((await takePace(db, "k", { ...options, now: 5_000 })).waitMs).toBe(100);
  });

  it("booked ahead: gives each caller its own slot, one interval after the last booked, however late it asks", async () => {
    const db = await testDatabase();
    const options = { intervalMs: 100, catchUpMs: 20 };
    const booked = await Promise.all(
      Array.from({ length: 5 }, () => bookPace(db, "scheduled", { ...options, now: 10_000 })),
    );
    expect(booked.toSorted((a, b) => a - b)).toEqual([10_000, 10_100, 10_200, 10_300, 10_400]);
    // Asked at 10,450 (a caller woken late): the slot after the last booked, not one from now.
    expect(await bookPace(db, "scheduled", { ...options, now: 10_450 })).toBe(10_500);
    // After a pause, from at most the catch-up in the past: no burst of the slots that were not booked.
    expect(await bookPace(db, "scheduled", { ...options, now: 20_000 })).toBe(19_980);
    expect(await bookPace(db, "scheduled", { ...options, now: 20_000 })).toBe(20_080);
    // Another key has a pace of its own.
    expect(await bookPace(db, "other", { ...options, now: 20_000 })).toBe(20_000);
  });

  it("keeps a pace of 300 a second (3.33 ms apart), which whole milliseconds would have rounded to 250", async () => {
    const db = await testDatabase();
    const options = { intervalMs: 1000 / 300, catchUpMs: 0 };
    const booked: number[] = [];
    for (let n = 0; n < 300; n += 1) booked.push(await bookPace(db, "fast", { ...options, now: 10_000 }));
    expect(booked[0]).toBe(10_000);
    // The 301st start is one second after the first, to the microsecond rounding.
    expect(await bookPace(db, "fast", { ...options, now: 10_000 })).toBeCloseTo(11_000, 0);
    // Taken as the dispatcher takes it, asked each whole millisecond, half an interval of lag caught up.
    const taking = { ...options, catchUpMs: 0.5 * options.intervalMs };
    let taken = 0;
    for (let at = 20_000; at < 21_000; at += 1) {
      while ((await takePace(db, "taken", { ...taking, now: at })).waitMs === 0) taken += 1;
    }
    expect(taken).toBeGreaterThanOrEqual(299);
    expect(taken).toBeLessThanOrEqual(301);
  });
});
