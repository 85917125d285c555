import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { openDatabase } from "@/lib/db/client";
import { DIALECT } from "@/lib/db/dialect";
import { testDatabase } from "@/lib/db/testing";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  createSignInThrottle,
  signInKeys,
  signInWait,
  type ThrottleRule,
} from "./throttle";

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

  it("forgets failures older than the window", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    for (let i = 0; i < 3; i++) await throttle.recordFailure("a", 0);
    await throttle.recordFailure("a", 70_000);
    expect(await throttle.waitFor("a", rule, 70_000)).toBe(0);
    for (let i = 0; i < 4; i++) await throttle.recordFailure("b", 0);
    expect(await throttle.waitFor("b", rule, 1)).toBe(999);
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

describe("a stranger's wrong passwords", () => {
  const keys = signInKeys("Owner@bellhop.test", "203.0.113.66");
  const ownerAt = (address: string) => signInKeys("owner@bellhop.test", address);

  it("make new addresses wait, never the owner's known address; after the delay the right password may try again", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    for (let i = 0; i < 6; i++) await throttle.recordFailures(keys, i);
    // Somebody new (a stranger, or the owner on a new network) waits 30 s, and only that.
    expect(await signInWait(throttle, ownerAt("198.51.100.1"), false, 10)).toEqual({
      waitMs: 30_000 - 5,
      because: "account",
    });
    expect(await signInWait(throttle, ownerAt("198.51.100.1"), false, 30_005)).toBeNull();
    // From an address that has signed in to the account before, nothing is in the way.
    expect(await signInWait(throttle, ownerAt("192.0.2.10"), true, 10)).toBeNull();
  });

  it("at other accounts from the owner's own network cannot keep the owner out of it", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    const office = "192.0.2.10";
    for (let i = 0; i < ADDRESS_RULE.free + 5; i++) {
      await throttle.recordFailures(signInKeys(`made-up-${i}@bellhop.test`, office), i);
    }
    // The network is slowed down for accounts never signed in to from there...
    expect(await signInWait(throttle, signInKeys("someone@bellhop.test", office), false, 100)).toMatchObject({
      because: "address",
    });
    // ...but not for the owner, who has.
    expect(await signInWait(throttle, ownerAt(office), true, 100)).toBeNull();
  });

  it("at the owner's account from the owner's own network slow that down too (nothing tells them apart)", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    for (let i = 0; i < 6; i++) await throttle.recordFailures(ownerAt("192.0.2.10"), i);
    expect(await signInWait(throttle, ownerAt("192.0.2.10"), true, 10)).toMatchObject({ because: "account" });
    expect(await signInWait(throttle, ownerAt("192.0.2.11"), true, 10)).toBeNull();
  });

  it("buy a guesser 13 tries in the first hour and at most 225 a day at one account (the README's figures)", async () => {
    // A guesser who tries the moment each delay is over.
    const guesses = async (untilMs: number) => {
      const throttle = createSignInThrottle(await testDatabase());
      let tries = 0;
      for (let now = 0; now < untilMs;) {
        const waitMs = await throttle.waitFor(keys.account, ACCOUNT_RULE, now);
        if (waitMs === 0) {
          await throttle.recordFailure(keys.account, now);
          tries += 1;
        }
        now += Math.max(waitMs, 1);
      }
      return tries;
    };
    expect(await guesses(60 * 60_000)).toBe(13);
    expect(await guesses(24 * 60 * 60_000)).toBe(225);
  });
});

describe("sign-in attempts sent at once", () => {
  it("reach the password check no more often than one at a time would", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    const keys = signInKeys("owner@bellhop.test", "203.0.113.66");
    const attempts = await Promise.all(
      Array.from({ length: 15 }, () => throttle.reserveAttempt(keys, false, 1_000)),
    );
    const tried = attempts.filter((attempt) => "reserved" in attempt);
    expect(tried).toHaveLength(ACCOUNT_RULE.free + 1);
    expect(attempts.filter((attempt) => "refused" in attempt)[0]).toEqual({
      refused: { waitMs: ACCOUNT_RULE.baseDelayMs, because: "account" },
    });
  });

  it("count as failures until the right password releases them", async () => {
    const throttle = createSignInThrottle(await testDatabase());
    const keys = signInKeys("owner@bellhop.test", "203.0.113.66");
    for (let i = 0; i <= ACCOUNT_RULE.free; i++) {
      const attempt = await throttle.reserveAttempt(keys, false, i);
      if (!("reserved" in attempt)) throw new Error("refused too early");
      await throttle.release(attempt.reserved);
    }
    expect(await signInWait(throttle, keys, false, 10)).toBeNull();
    expect(await throttle.waitFor(keys.pair, ACCOUNT_RULE, 10)).toBe(0);
  });
});

describe("sign-in attempts sent at once to several instances", () => {
  // Several instances share PostgreSQL only (docs/deployment.md); SQLite has one instance, whose queue the test above holds.
  it.skipIf(DIALECT === "sqlite")(
    "reach the password check no more often than one at a time would",
    async () => {
      const schema = `test_${randomBytes(6).toString("hex")}`;
      const handles = [0, 1, 2, 3, 4, 5, 6, 7].map(() => openDatabase(process.env.DATABASE_URL!, { schema }));
      for (const handle of handles) await handle.ready;
      const throttles = handles.map((handle) => createSignInThrottle(handle.db));
      const keys = signInKeys("owner@bellhop.test", "203.0.113.66");
      const attempts = await Promise.all(
        Array.from({ length: 16 }, (_, i) => throttles[i % 8]!.reserveAttempt(keys, false, 1_000)),
      );
      expect(attempts.filter((attempt) => "reserved" in attempt)).toHaveLength(ACCOUNT_RULE.free + 1);
    },
  );
});
