import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SLICES, percentOf, runningTotals, sliceSizeFor } from "./timeline";

describe("the results chart's time axis", () => {
  it("takes the shortest slice that covers the span in at most 60", () => {
    expect(sliceSizeFor(0)).toBe(1_000);
    expect(sliceSizeFor(59_000)).toBe(1_000);
    expect(sliceSizeFor(60_000)).toBe(5_000);
    expect(sliceSizeFor(3 * 3_600_000)).toBe(5 * 60_000);
    expect(sliceSizeFor(72 * 3_600_000)).toBe(3_600_000 * 3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 * 86_400_000 }), (span) => {
        expect(Math.floor(span / sliceSizeFor(span)) + 1).toBeLessThanOrEqual(MAX_SLICES);
      }),
    );
  });

  it("adds the counts per slice up into running totals", () => {
    expect(
      runningTotals(
        [
          { bucket: 0, count: 2 },
          { bucket: 3, count: 1 },
          { bucket: 9, count: 4 },
        ],
        5,
      ),
    ).toEqual([2, 2, 2, 3, 7]);
  });
});

describe("a count as a share of the recipients", () => {
  it.each([
    [2, 5, "40%"],
    [1, 8, "13%"],
    [1, 16, "6.3%"],
    [1, 3, "33%"],
    [3, 1_000, "0.3%"],
    [0, 9, "0%"],
    [1, 100_000, "<0.1%"],
    [9_999, 10_000, ">99%"],
    [4, 4, "100%"],
    [0, 0, "—"],
  ])("%i of %i is %s", (count, total, words) => {
    expect(percentOf(count, total)).toBe(words);
  });
});
