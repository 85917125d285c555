import { describe, expect, it } from "vitest";
import { acquireLease, bookPace, releaseLease } from "./cluster-queries";
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
  });
});
