import { describe, expect, it } from "vitest";
import { absoluteMoment, formatMoment, preciseMoment, relativeMoment } from "./date";
import { formatSeconds } from "./duration";
import { countOf, nounFor } from "./plural";

const now = Date.parse("2026-11-27T12:00:00Z");

describe("formatMoment", () => {
  it("is relative within a day, in both directions", () => {
    expect(relativeMoment(new Date(now - 20_000), now)).toBe("just now");
    expect(relativeMoment(new Date(now - 3 * 60_000), now)).toBe("3 minutes ago");
    expect(relativeMoment(new Date(now - 60_000), now)).toBe("1 minute ago");
    expect(relativeMoment(new Date(now - 5 * 3_600_000 - 10 * 60_000), now)).toBe("5 hours ago");
    expect(relativeMoment(new Date(now + 5 * 60_000), now)).toBe("in 5 minutes");
    expect(relativeMoment(new Date(now - 25 * 3_600_000), now)).toBeNull();
  });

  it("is absolute past a day, with the zone named", () => {
    const at = "2026-11-20T09:05:00Z";
    expect(formatMoment(at, now, { timeZone: "UTC" })).toBe("20 Nov 2026, 09:05 UTC");
    expect(formatMoment(at, now, { timeZone: "Europe/Madrid" })).toBe("20 Nov 2026, 10:05 CET");
    expect(absoluteMoment(new Date(at), { timeZone: "America/Lima" })).toMatch(
      /^20 Nov 2026, 04:05 (GMT-5|PET)$/,
    );
    expect(preciseMoment(new Date("2026-11-20T09:05:07Z"), { timeZone: "UTC" })).toBe(
      "20 Nov 2026, 09:05:07 UTC",
    );
  });

  it("switches at exactly one day", () => {
    expect(formatMoment(new Date(now - 24 * 3_600_000 + 1), now)).toBe("23 hours ago");
    expect(formatMoment(new Date(now - 24 * 3_600_000), now, { timeZone: "UTC" })).toBe(
      "26 Nov 2026, 12:00 UTC",
    );
  });
});

describe("countOf", () => {
  it("agrees the noun with the count", () => {
    expect(countOf(1, "row")).toBe("1 row");
    expect(countOf(0, "row")).toBe("0 rows");
    expect(countOf(1204, "recipient")).toBe("1,204 recipients");
    expect(countOf(2, "reply", "replies")).toBe("2 replies");
    expect(nounFor(1, "value")).toBe("value");
    expect(nounFor(3, "value")).toBe("values");
  });
});

describe("formatSeconds", () => {
  it("says seconds, then minutes and seconds, then hours and minutes, then days and hours, without empty parts", () => {
    expect([0, 1.2, 59, 60, 200, 3_599, 3_600, 7_500, 172_800, 190_800].map(formatSeconds)).toEqual([
      "0 s",
      "2 s",
      "59 s",
      "1 min",
      "3 min 20 s",
      "59 min 59 s",
      "1 h",
      "2 h 5 min",
      "2 days",
      "2 days 5 h",
    ]);
  });
});
