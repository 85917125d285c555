import { describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/db/testing";
import { createSignInThrottle, type ThrottleRule } from "./throttle";

const rule: ThrottleRule = { free: 3, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 4_000 };

describe("sign-in throttling", () => {
  it("lets the first failures through, then makes each further one wait twice as long, up to a cap", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await throttle.recordFailure("a", i * 10);
      delays.push(await throttle.waitFor("a", rule, i * 10));
    }
    expect(delays).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 4_000]);
  });

  it("forgets failures older than the window and resets on success", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    for (let i = 0; i < 3; i++) await throttle.recordFailure("a", 0);
    await throttle.recordFailure("a", 70_000);
    expect(await throttle.waitFor("a", rule, 70_000)).toBe(0);
    for (let i = 0; i < 4; i++) await throttle.recordFailure("b", 0);
    expect(await throttle.waitFor("b", rule, 1)).toBe(999);
    await throttle.recordSuccess("b");
    expect(await throttle.waitFor("b", rule, 1)).toBe(0);
  });

  it("counts the failures of every instance on the database together", async () => {
    const db = await testDatabase();
    const [first, second] = [createSignInThrottle(db), createSignInThrottle(db)];
    await first.recordFailure("a", 0);
    await second.recordFailure("a", 1);
    await first.recordFailure("a", 2);
    await second.recordFailure("a", 3);
    expect(await first.waitFor("a", rule, 3)).toBe(1_000);
    expect(await second.waitFor("a", rule, 3)).toBe(1_000);
  });
});
