import "server-only";
import {
  countSignInFailures,
  recordSignInFailure,
  releaseSignInAttempt,
  reserveSignInAttempt,
  type CountSignInFailures,
} from "@/lib/db/sign-in-failure-queries";
import type { Database } from "@/lib/db/client";

/**
 * Slows repeated failed sign-ins down, per account and per address. After `free` failures within the window, each
 * further attempt waits for a delay that doubles, up to a cap. Nothing is ever locked: once the delay is over, the
 * right password works. The failures are kept in the database, so every instance on it applies the same count, and a
 * restart forgets nothing.
 */
export type ThrottleRule = { free: number; windowMs: number; baseDelayMs: number; maxDelayMs: number };

// The window is longer than the largest delay, so that waiting out one delay does not also forget the failures that
// made it: a guesser gets 13 tries in the first hour and at most 225 a day (throttle.test.ts counts them).
export const ACCOUNT_RULE: ThrottleRule = {
  free: 5,
  windowMs: 60 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};
// An office shares one address: it gets more room than one account.
export const ADDRESS_RULE: ThrottleRule = {
  free: 30,
  windowMs: 60 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * The keys an attempt is counted under: the account, the address, and the two together (an account as tried from one
 * address).
 */
export function signInKeys(email: string, address: string) {
  const account = email.trim().toLowerCase();
  return { account: `account:${account}`, address: `address:${address}`, pair: `pair:${account} ${address}` };
}

/**
 * Whether an attempt may try a password now. From an address that has never signed in to the account, both the
 * account's and the address's delays apply. From one that has, only the failures on this account from this address
 * count: a stranger's guesses elsewhere, or at other accounts from the same network, cannot keep the owner out from
 * where they usually sign in.
 */
export async function signInWait(
  throttle: Pick<SignInThrottle, "waitFor">,
  keys: ReturnType<typeof signInKeys>,
  knownAddress: boolean,
  now: number,
): Promise<{ waitMs: number; because: "account" | "address" } | null> {
  if (knownAddress) {
    const waitMs = await throttle.waitFor(keys.pair, ACCOUNT_RULE, now);
    return waitMs > 0 ? { waitMs, because: "account" } : null;
  }
  const accountWait = await throttle.waitFor(keys.account, ACCOUNT_RULE, now);
  if (accountWait > 0) return { waitMs: accountWait, because: "account" };
  const addressWait = await throttle.waitFor(keys.address, ADDRESS_RULE, now);
  return addressWait > 0 ? { waitMs: addressWait, because: "address" } : null;
}

/** The wait of a key, from the failures `count` finds. */
function waitingOn(count: CountSignInFailures) {
  return {
    /** Milliseconds to wait before this key may try again; 0 when it may try now. */
    async waitFor(key: string, rule: ThrottleRule, now: number): Promise<number> {
      const { failures, last } = await count(key, now - rule.windowMs);
      const over = failures - rule.free;
      if (over <= 0 || last === null) return 0;
      return Math.max(0, last + Math.min(rule.baseDelayMs * 2 ** (over - 1), rule.maxDelayMs) - now);
    },
  };
}

export function createSignInThrottle(db: Database) {
  return {
    ...waitingOn((key, since) => countSignInFailures(db, key, since)),
    // A success clears nothing: the owner signing in must not hand a guesser a fresh set of free tries. Failures age
    // out of the window instead, and the owner's address is known from then on.
    recordFailure: (key: string, now: number) => recordSignInFailure(db, key, now),
    /** A failed attempt counts under each of its keys. */
    async recordFailures(keys: ReturnType<typeof signInKeys>, now: number) {
      for (const key of [keys.account, keys.address, keys.pair]) await recordSignInFailure(db, key, now);
    },
    /**
     * Lets an attempt try a password, or says how long it must wait. The check and the recording of the attempt (as a
     * failure, until `release` says it was not) are one step, so attempts sent in parallel cannot all pass a check
     * made before any of them was counted.
     */
    reserveAttempt: (keys: ReturnType<typeof signInKeys>, knownAddress: boolean, now: number) =>
      reserveSignInAttempt(db, [keys.account, keys.address, keys.pair], now, (count) =>
        signInWait(waitingOn(count), keys, knownAddress, now),
      ),
    /** The reserved attempt had the right password: it was no failure. */
    release: (reserved: number[]) => releaseSignInAttempt(db, reserved),
  };
}
