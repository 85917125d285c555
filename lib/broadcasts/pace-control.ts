/**
 * How fast a broadcast goes after a 429, like TCP's congestion control: multiplicative decrease, additive increase.
 * A 429 halves the pace, once per round of sends (a 429 for a send that started before the last halving is the same
 * congestion, already answered); every half second without one gives back a tenth of the broadcast's own pace, so it
 * is whole again within five seconds of the last 429 however low it went.
 */

/**
 * The least share of its own pace a broadcast goes at (and never below MIN_RATE_PER_SECOND): it keeps moving through
 * a lasting storm, where each row's own attempts (`SEND_MAX_ATTEMPTS`) bound what it asks of Callbell.
 */
const MIN_SHARE = 0.25;
const MIN_RATE_PER_SECOND = 0.5;
/** Every this long without a 429, the share grows by STEP_SHARE. */
const STEP_MS = 500;
const STEP_SHARE = 0.1;

export function createPaceControl(now: () => number) {
  let share = 1;
  let cutAt = Number.NEGATIVE_INFINITY;
  let steppedAt = Number.NEGATIVE_INFINITY;

  return {
    /** The pace to go at now, for a broadcast whose own pace is `target` sends a second. */
    rate(target: number): number {
      const at = now();
      if (share < 1) {
        const since = Math.max(cutAt, steppedAt);
        const steps = Math.floor((at - since) / STEP_MS);
        if (steps > 0) {
          share = Math.min(1, share + steps * STEP_SHARE);
          steppedAt = since + steps * STEP_MS;
        }
      }
      return Math.max(MIN_RATE_PER_SECOND, target * share);
    },
    /** A send that started at `startedAt` was answered 429. */
    tooMany(startedAt: number) {
      if (startedAt < cutAt) return;
      share = Math.max(MIN_SHARE, share / 2);
      cutAt = now();
    },
  };
}
