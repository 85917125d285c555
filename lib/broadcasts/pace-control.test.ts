import { describe, expect, it } from "vitest";
import { createPaceControl } from "./pace-control";

describe("a broadcast's pace after a 429", () => {
  it("halves once per round of sends, and is whole again within 5 s of the last 429", () => {
    let time = 0;
    const pace = createPaceControl(() => time);
    expect(pace.rate(100)).toBe(100);
    time = 10;
    pace.tooMany(0);
    expect(pace.rate(100)).toBe(50);
    // Sends that started before the halving met the same congestion: no further halving.
    time = 15;
    pace.tooMany(5);
    expect(pace.rate(100)).toBe(50);
    // A send started after it: halved again, down to a quarter at the least.
    for (const at of [20, 30, 40, 50, 60]) {
      time = at;
      pace.tooMany(at);
    }
    expect(pace.rate(100)).toBe(25);
    // A tenth of the pace back each half second without a 429.
    time = 60 + 499;
    expect(pace.rate(100)).toBe(25);
    time = 60 + 500;
    expect(pace.rate(100)).toBeCloseTo(35);
    time = 60 + 1_600;
    expect(pace.rate(100)).toBeCloseTo(55);
    time = 60 + 4_000;
    expect(pace.rate(100)).toBe(100);
    time = 60 + 60_000;
    expect(pace.rate(100)).toBe(100);
  });

  it("never goes below half a send a second", () => {
    const pace = createPaceControl(() => 0);
    pace.tooMany(0);
    expect(pace.rate(1)).toBe(0.5);
  });
});
