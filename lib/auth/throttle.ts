import "server-only";
import { clearSignInFailures, countSignInFailures, recordSignInFailure } from "@/lib/db/cluster-queries";
import type { Database } from "@/lib/db/client";

/**
 * Slows repeated failed sign-ins down, per account and per address. After `free` failures within the window, each
 * further attempt waits for a delay that doubles, up to a cap. The failures are kept in the database, so every
 * instance on it applies the same count, and a restart forgets nothing.
 */
export type ThrottleRule = { free: number; windowMs: number; baseDelayMs: number; maxDelayMs: number };

export const ACCOUNT_RULE: ThrottleRule = {
  free: 5,
  windowMs: 15 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};
// An office shares one address: it gets more room than one account.
export const ADDRESS_RULE: ThrottleRule = {
  free: 30,
  windowMs: 15 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};

export function createSignInThrottle(db: Database) {
  return {
    /** Milliseconds to wait before this key may try again; 0 when it may try now. */
    async waitFor(key: string, rule: ThrottleRule, now: number): Promise<number> {
      const { failures, last } = await countSignInFailures(db, key, now - rule.windowMs);
      const over = failures - rule.free;
      if (over <= 0 || last === null) return 0;
      return Math.max(0, last + Math.min(rule.baseDelayMs * 2 ** (over - 1), rule.maxDelayMs) - now);
    },
    recordFailure: (key: string, now: number) => recordSignInFailure(db, key, now),
    recordSuccess: (key: string) => clearSignInFailures(db, key),
  };
}
