/**
 * Slows repeated failed sign-ins down, per account and per address. After `free` failures within the window, each
 * further attempt waits for a delay that doubles, up to a cap. In memory: a restart forgets (and the PostgreSQL
 * deployment will keep it in the database).
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

type Entry = { failures: number[]; blockedUntil: number };

export class SignInThrottle {
  private entries = new Map<string, Entry>();

  /** Milliseconds to wait before this key may try again; 0 when it may try now. */
  waitFor(key: string, now: number): number {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.blockedUntil - now) : 0;
  }

  recordFailure(key: string, rule: ThrottleRule, now: number) {
    const entry = this.entries.get(key) ?? { failures: [], blockedUntil: 0 };
    entry.failures = [...entry.failures.filter((at) => at > now - rule.windowMs), now];
    const over = entry.failures.length - rule.free;
    if (over > 0) entry.blockedUntil = now + Math.min(rule.baseDelayMs * 2 ** (over - 1), rule.maxDelayMs);
    this.entries.set(key, entry);
    if (this.entries.size > 10_000) this.prune(now);
  }

  recordSuccess(key: string) {
    this.entries.delete(key);
  }

  private prune(now: number) {
    for (const [key, entry] of this.entries) {
      if (entry.blockedUntil < now && entry.failures.every((at) => at < now - ACCOUNT_RULE.windowMs)) {
        this.entries.delete(key);
      }
    }
  }
}

const globalForThrottle = globalThis as unknown as { bellhopSignInThrottle?: SignInThrottle };
export function signInThrottle(): SignInThrottle {
  globalForThrottle.bellhopSignInThrottle ??= new SignInThrottle();
  return globalForThrottle.bellhopSignInThrottle;
}
