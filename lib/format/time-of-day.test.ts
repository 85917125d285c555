import { describe, expect, it } from "vitest";
import { timeOfDay } from "./time-of-day";

const now = Date.parse("2026-11-26T20:00:00Z");

describe("a time of day says which day it is on when that is not today", () => {
  it("today: the clock and the zone", () => {
    expect(timeOfDay("2026-11-26T23:07:00Z", now, { timeZone: "UTC" })).toBe("23:07 UTC");
  });
  it("tomorrow and yesterday in words", () => {
    expect(timeOfDay("2026-11-27T12:07:00Z", now, { timeZone: "UTC" })).toBe("12:07 UTC tomorrow");
    expect(timeOfDay("2026-11-25T23:10:00Z", now, { timeZone: "UTC" })).toBe("23:10 UTC yesterday");
  });
  it("the day is the reader's: 23:07 UTC is already tomorrow in Madrid", () => {
    expect(timeOfDay("2026-11-26T23:07:00Z", now, { timeZone: "Europe/Madrid" })).toBe("00:07 CET tomorrow");
  });
  it("further off, the absolute moment", () => {
    expect(timeOfDay("2026-11-29T12:07:00Z", now, { timeZone: "UTC" })).toBe("29 Nov 2026, 12:07 UTC");
  });
});
