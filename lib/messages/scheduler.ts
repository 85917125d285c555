/**
 * The scheduler of messages sent later (and the hook that starts scheduled broadcasts): one database read a tick
 * while nothing is due. When messages are due, the late ones beyond the limit are marked missed, and the due ones are
 * fired, each claimed in one statement first (so two instances never fire the same one), with a bounded number in
 * flight; their requests leave at a pace shared by every instance, kept in the database.
 */
import "server-only";
import { formatLateLimit } from "@/lib/format/duration";
import type { Database } from "@/lib/db/client";
import { bookPace } from "@/lib/db/cluster-queries";
import {
  claimDueScheduledSend,
  markMissedScheduledSends,
  nextScheduled,
  settleClaimedScheduledSend,
} from "@/lib/db/schedule-queries";
import type { SendRow } from "@/lib/db/schema";
import type { Departure, FireOutcome } from "./send-later";

/** The default of `BELLHOP_LATE_LIMIT`: a message due longer ago than this when Bellhop gets to it is missed. */
export const DEFAULT_LATE_LIMIT_MS = 60 * 60 * 1000;

/** The key of the pace every instance takes its scheduled messages' starts from. */
export const SCHEDULED_PACE_KEY = "scheduled-sends";

/** Messages being fired at once, per instance: enough for the highest pace against a slow Callbell (200 ms a send). */
export const DEFAULT_MAX_IN_FLIGHT = 40;

/**
 * How late a message may leave after its slot (and how far back a slot is given after a pause), as a share of one
 * interval: under one, so that no one-second window holds more than the pace plus one request, across instances; half
 * of one, so that the other half is room for a request's way to Callbell.
 */
const CATCH_UP_SHARE = 0.5;

/**
 * Requests are spaced this much wider than the pace: room for their way to Callbell (a busy process, the network), so
 * that no second at Callbell holds more than the pace (measured: e2e/perf/REPORT.md, "Messages sent later").
 */
const PACE_MARGIN = 0.02;

/** What a missed message says, in the history and on its detail page. */
export function missedMessage(lateLimitMs: number): string {
  return (
    `Not sent: Bellhop was not running when it was due, and it came due more than ${formatLateLimit(lateLimitMs)} ago ` +
    "(BELLHOP_LATE_LIMIT). Send it again if it is still wanted."
  );
}

export type SchedulerDependencies = {
  db: () => Promise<Database>;
  /** Fires a claimed message; its request leaves at its slot in the shared pace (`depart`). */
  fire: (row: SendRow, depart: Departure) => Promise<FireOutcome>;
  lateLimitMs: number;
  /** Messages started a second at most, by every instance together (`BELLHOP_SCHEDULE_RATE`). */
  ratePerSecond: number;
  /** Messages being fired at once in this instance (default `DEFAULT_MAX_IN_FLIGHT`). */
  maxInFlight?: number;
  /**
   * Starts the scheduled broadcasts that are due (written by the broadcasts' side); how many it started. Called
   * whenever something is due, before messages are fired.
   */
  startBroadcasts?: (now: Date) => Promise<number>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string) => void;
};

/** What one tick did: messages fired (once each), marked missed, and broadcasts started. */
export type SchedulerTick = { fired: number; missed: number; broadcasts: number };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createScheduler(deps: SchedulerDependencies) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const log = deps.log ?? console.error;
  const maxInFlight = deps.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const intervalMs = (1000 / deps.ratePerSecond) * (1 + PACE_MARGIN);
  // Claimed and not yet gone: one second of the pace (two at least, so a check overlaps the wait for a slot).
  const ahead = Math.max(2, Math.ceil(deps.ratePerSecond));
  // Claims go at twice the pace at most: ahead of the requests (a slow claim is caught up), but a run of messages
  // refused when they fire (each after a contact lookup) does not look contacts up much faster than the pace.
  const claimIntervalMs = intervalMs / 2;
  // How long before its slot a message's row is moved to `sending`: five intervals, at most 100 ms (the dispatcher's).
  const leadMs = Math.min(100, 5 * intervalMs);
  let checking = false;
  let firing: Promise<number> | null = null;

  /** Fires one claimed message; one that failed unexpectedly before it left goes back to the queue. */
  async function fireOne(
    db: Database,
    row: SendRow,
    depart: Departure,
  ): Promise<FireOutcome["kind"] | "failed"> {
    try {
      return (await deps.fire(row, depart)).kind;
    } catch (error) {
      log(`Bellhop: scheduled message ${row.id} could not be fired: ${(error as Error)?.message ?? error}`);
      // Still `scheduled` only if nothing left (a request that may have left is `sending`, then `unknown`).
      await settleClaimedScheduledSend(db, row.id, { retry: true }, new Date(now())).catch(() => {});
      return "failed";
    }
  }

  /**
   * A run's departures: a message, once checked, books its slot in the shared pace; just before it (`leadMs`), the row
   * is moved to `sending` (`ready`), and the request leaves at the slot, so requests leave at the pace however long the
   * checks and that write took (a cold cache after a restart, a slow contact lookup, a busy database). Slots are booked
   * one after the other, so a message woken a little late costs the next one nothing; one woken later than the
   * catch-up (a stalled process) books again rather than leave together with the next.
   */
  function departures(db: Database): Departure {
    // A run's first departure takes no catch-up: a backlog starts at the pace, not with a burst.
    let catchUp = 0;
    const book = async () => {
      const slot = await bookPace(db, SCHEDULED_PACE_KEY, {
        intervalMs,
        catchUpMs: catchUp * intervalMs,
        now: now(),
      });
      catchUp = CATCH_UP_SHARE;
      return slot;
    };
    return async (ready) => {
      let slot = await book();
      if (slot - leadMs > now()) await sleep(slot - leadMs - now());
      const value = await ready();
      if (value === undefined) return value;
      for (;;) {
        if (slot > now()) await sleep(slot - now());
        if (now() - slot <= CATCH_UP_SHARE * intervalMs) return value;
        slot = await book();
      }
    };
  }

  /**
   * Fires the due messages until none is left to claim, each claimed in one statement. This instance claims no faster
   * than twice the pace (the checks, contact lookups included, stay near its rate), keeps at most one second of the
   * pace claimed and not yet gone, and at most `maxInFlight` in all. A check that could not be made (Callbell's lists
   * unreadable) or an unexpected failure ends the run; what is left waits for the next tick.
   */
  async function fireDue(db: Database): Promise<number> {
    const depart = departures(db);
    const running = new Set<Promise<void>>();
    let waiting = 0;
    let fired = 0;
    let stop = false;
    let nextClaimAt = now();
    let roomMade = () => {};
    const room = () => new Promise<void>((resolve) => (roomMade = resolve));
    try {
      while (!stop) {
        while (running.size >= maxInFlight || waiting >= ahead) await room();
        if (stop) break;
        if (nextClaimAt > now()) await sleep(nextClaimAt - now());
        nextClaimAt = Math.max(nextClaimAt, now() - claimIntervalMs) + claimIntervalMs;
        const row = await claimDueScheduledSend(db, new Date(now()));
        if (!row) break;
        fired += 1;
        waiting += 1;
        let departed = false;
        const leave: Departure = async (ready) => {
          const value = await depart(ready);
          departed = true;
          waiting -= 1;
          roomMade();
          return value;
        };
        const one: Promise<void> = fireOne(db, row, leave)
          .then((kind) => {
            if (kind === "retry" || kind === "failed") stop = true;
          })
          .finally(() => {
            if (!departed) waiting -= 1;
            running.delete(one);
            roomMade();
          });
        running.add(one);
      }
    } finally {
      // What is on its way finishes before the run ends, even when a claim failed (the next run may start then).
      await Promise.all(running);
    }
    return fired;
  }

  /**
   * One look at what is due. Scheduled broadcasts that are due are started; messages that are due are fired by a run
   * that goes on past this tick (the next ticks see it running and start no other), and the tick's answer waits for it.
   */
  async function tick(): Promise<SchedulerTick> {
    const idle = { fired: 0, missed: 0, broadcasts: 0 };
    if (checking) return idle;
    checking = true;
    let run: Promise<number> | null = null;
    let missed = 0;
    let broadcasts = 0;
    try {
      const db = await deps.db();
      const at = now();
      const next = await nextScheduled(db);
      const sendsDue = next.sends !== null && next.sends.getTime() <= at;
      const broadcastsDue = next.broadcasts !== null && next.broadcasts.getTime() <= at;
      if (!sendsDue && !broadcastsDue) return idle;
      if (deps.startBroadcasts) {
        // A broadcast that cannot be started holds no message back.
        broadcasts = await deps.startBroadcasts(new Date(at)).catch((error: unknown) => {
          log(`Bellhop: scheduled broadcasts could not be started: ${(error as Error)?.message ?? error}`);
          return 0;
        });
      }
      if (sendsDue && !firing) {
        missed = await markMissedScheduledSends(
          db,
          new Date(at - deps.lateLimitMs),
          missedMessage(deps.lateLimitMs),
          new Date(at),
        );
        run = firing = fireDue(db).finally(() => (firing = null));
      }
    } finally {
      checking = false;
    }
    return { fired: run ? await run : 0, missed, broadcasts };
  }

  return {
    tick,
    /** Ticks every `intervalMs` (at once first: what came due while Bellhop was down is handled at start). */
    start(everyMs = 1_000): () => void {
      const run = () =>
        void tick().catch((error: unknown) =>
          log(`Bellhop: the scheduler failed: ${(error as Error)?.message ?? error}`),
        );
      run();
      const timer = setInterval(run, everyMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
