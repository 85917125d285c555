import { describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "./zoned-time";

describe("zonedTimeToUtc", () => {
  it("reads a wall-clock time in its zone, summer and winter", () => {
    expect(zonedTimeToUtc("2026-11-28T09:00", "Europe/Madrid")?.toISOString()).toBe(
      "2026-11-28T08:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-07-01T09:00", "Europe/Madrid")?.toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(zonedTimeToUtc("2026-11-28T09:00", "Asia/Kolkata")?.toISOString()).toBe(
      "2026-11-28T03:30:00.000Z",
    );
    expect(zonedTimeToUtc("2026-11-28T09:00", "UTC")?.toISOString()).toBe("2026-11-28T09:00:00.000Z");
    expect(zonedTimeToUtc("2026-11-28T09:00", "America/New_York")?.toISOString()).toBe(
      "2026-11-28T14:00:00.000Z",
    );
  });

  it("moves a time skipped by the spring change forward, and refuses what is not a time or a zone", () => {
    // 02:30 does not exist in Madrid on 29 March 2026: the clocks went from 02:00 to 03:00.
    expect(zonedTimeToUtc("2026-03-29T02:30", "Europe/Madrid")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(zonedTimeToUtc("2026-02-30T09:00", "UTC")).toBeNull();
    expect(zonedTimeToUtc("tomorrow at nine", "UTC")).toBeNull();
    expect(zonedTimeToUtc("2026-11-28T09:00", "Mars/Olympus")).toBeNull();
  });

  it("refuses a clock time that does not exist (10:99, 24:00)", () => {
    expect(zonedTimeToUtc("2026-11-28T10:99", "UTC")).toBeNull();
    expect(zonedTimeToUtc("2026-11-28T24:00", "UTC")).toBeNull();
    expect(zonedTimeToUtc("2026-11-28T10:00:60", "UTC")).toBeNull();
  });
});
