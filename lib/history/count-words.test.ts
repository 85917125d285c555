import { describe, expect, it } from "vitest";
import { countInWords, roundedCount } from "./count-words";

describe("how the history says a count", () => {
  it("an exact count is the number itself, its thousands separated", () => {
    expect(countInWords(7, true)).toBe("7");
    expect(countInWords(48_213, true)).toBe("48,213");
    expect(countInWords(1_234_567, true)).toBe("1,234,567");
  });

  it("an estimate says about, to two figures, and millions in words", () => {
    expect(countInWords(1_234_567, false)).toBe("about 1.2 million");
    expect(countInWords(1_000_400, false)).toBe("about 1 million");
    expect(countInWords(201_234, false)).toBe("about 200,000");
    expect(countInWords(56_789, false)).toBe("about 57,000");
    expect(countInWords(987, false)).toBe("about 990");
  });

  it("none is none, even estimated", () => {
    expect(countInWords(0, false)).toBe("0");
  });

  it("rounding goes to the nearer figure", () => {
    expect(roundedCount(1_250_001)).toBe("1.3 million");
    expect(roundedCount(995_000)).toBe("1 million");
  });
});
