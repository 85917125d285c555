import { describe, expect, it } from "vitest";
import { SignInThrottle, type ThrottleRule } from "./throttle";

const rule: ThrottleRule = { free: 3, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 4_000 };

describe("sign-in throttling", () => {
  it("lets the first failures through, then makes each further one wait twice as long, up to a cap", () => {
    const throttle = new SignInThrottle();
    const delays = [0, 1, 2, 3, 4, 5, 6].map((i) => {
      throttle.recordFailure("a", rule, i * 10);
      return throttle.waitFor("a", i * 10);
    });
    expect(delays).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 4_000]);
  });

  it("forgets failures older than the window and resets on success", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 3; i++) throttle.recordFailure("a", rule, 0);
    throttle.recordFailure("a", rule, 70_000);
    expect(throttle.waitFor("a", 70_000)).toBe(0);
    for (let i = 0; i < 4; i++) throttle.recordFailure("b", rule, 0);
    throttle.recordSuccess("b");
    expect(throttle.waitFor("b", 1)).toBe(0);
  });
});
