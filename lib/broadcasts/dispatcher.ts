import "server-only";
import {
  cancelWaitingRecipients,
  claimNextRecipient,
  completeBroadcastIfDone,
  findBroadcast,
  finishRecipient,
  nextRetryAt,
} from "@/lib/db/broadcast-queries";
import { changeBroadcastState } from "@/lib/db/broadcast-state-queries";
import { bookPace, instanceId } from "@/lib/db/cluster-queries";
import type { Database } from "@/lib/db/client";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import type { SendResult } from "@/lib/messages/send-result";
import { settleAfterThrow } from "./interrupted-rows";
import { MAX_RATE_PER_SECOND } from "./limits";
import { createPaceControl } from "./pace-control";
import { recipientOutcome } from "./row-outcome";
import { nextSendingTime, parseSendingHours, type SendingHours } from "./sending-hours";

/** How often a running loop re-reads its broadcast (for a changed rate); pauses are caught by the claim itself. */
const SETTINGS_REREAD_MS = 1_000;
/**
 * How much lag the schedule catches up on, as a share of one interval, when sends leave at their slot (no
 * `departAfterMs`): less than one, so that no one-second window holds more than the pace plus one start.
 */
const CATCH_UP_SHARE = 0.2;
/**
 * With a departure after the slot, the share of it a loop woken late catches up on: its claims come late, but their
 * requests still leave at their slots, and the rest of the delay is the room a claim and a record have.
 */
const CATCH_UP_OF_DEPARTURE = 0.5;
/**
 * How late after its turn a request may still leave: one interval, or 20 ms at paces above 50 a second (timers on a
 * busy event loop wake a few milliseconds late). Later than that (a stall of the process), it takes the next free
 * turn instead, so a stall adds at most one send, or a fiftieth of the pace, to any one second.
 */
const lateAllowedMs = (intervalMs: number) => Math.max(intervalMs, 20);
/**
 * Outside its sending hours, the longest a loop sleeps before it reads its broadcast again (it wakes at the opening
 * when that comes sooner). A pause or a cancel needs no wake-up: the state is in the database and the claim refuses.
 */
const WAITING_REREAD_MS = 5_000;
/** While another instance still has rows of the broadcast in flight, how often this one looks again. */
const OTHERS_IN_FLIGHT_MS = 500;

/** The key of a broadcast's shared pace (every instance dispatching it takes its starts from there). */
const paceKey = (broadcastId: number) => `broadcast:${broadcastId}`;

export type DispatchDependencies = {
  db: () => Promise<Database>;
  /**
   * Sends one row (in production: the compose page's own send use-case, recorded in the history). `leave` resolves
   * when the row's request may leave (its slot in the pace, plus `departAfterMs`): the send awaits it once it is
   * ready, just before the request, so the requests leave as evenly as the slots whatever the preparation took.
   */
  send: (broadcast: BroadcastRow, recipient: RecipientRow, leave: () => Promise<void>) => Promise<SendResult>;
  /**
   * Readies what every send of the broadcast reads (Callbell's lists), before the first start: sends waiting on a
   * cold cache would otherwise leave together once it loads, above the pace.
   */
  prepare?: (broadcast: BroadcastRow) => Promise<void>;
  /**
   * How long after its slot in the pace a send leaves, at a pace of `rate` a second: the time a claim and a record
   * may take (and a loop woken late may catch up on) without a request leaving out of its turn. None in tests by
   * default.
   */
  departAfterMs?: (rate: number) => number;
  /** Loops sending one broadcast in this instance (default: `lanesFor` its pace when it starts here). */
  lanes?: number;
  /** Sends in flight at once for one broadcast, in this instance (default: `concurrencyFor` its pace). */
  maxConcurrency?: number;
  /** Outside the sending hours, how long the loop sleeps at most before it reads its broadcast again. */
  waitingRereadMs?: number;
  /** Who claims the rows (this process's instance id unless a test says otherwise). */
  instance?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Sends in flight at once for one broadcast in one instance, at a pace of `rate` a second: a quarter of a second of
 * its sends, 20 at least. At 300 a second with Callbell answering in 50 ms, about 15 are on their way at any time, so
 * 75 leave room for slow answers without letting a stalled Callbell pile up more than a quarter second of them.
 */
export const concurrencyFor = (rate: number) => Math.max(20, Math.ceil(rate / 4));

/**
 * Loops sending one broadcast in one instance, at a pace of `rate` a second: one up to 150 a second, two above. Each
 * loop books a turn and claims a row (two round trips to the database) before its next: on PostgreSQL, where each
 * takes a millisecond or two on a busy machine, one loop alone held about 235 a second. The loops book their turns in
 * the same shared pace, as instances do, so together they start no more than the pace.
 */
export const lanesFor = (rate: number) => (rate > 150 ? 2 : 1);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The broadcast dispatcher: for each running broadcast in each instance, one loop (two above 150 a second:
 * `lanesFor`) starting sends on a fixed schedule at the broadcast's pace (absolute times, so the rate does not drift),
 * with at most `concurrencyFor` its pace in flight. The schedule is kept in the database (a shared pace), so the loops
 * of several instances dispatching one broadcast start no more than its rate between them, in any one second, through
 * restarts and takeovers. Each row is claimed in the database
 * before it is sent, so the list survives a restart, and a row is sent once whichever instance claims it. After a
 * 429 the pace halves and comes back step by step (`pace-control.ts`).
 */
export function createDispatcher(deps: DispatchDependencies) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const loops = new Map<number, Promise<void>>();

  async function run(broadcastId: number) {
    const db = await deps.db();
    const inFlight = new Set<Promise<void>>();
    const instance = deps.instance ?? instanceId();
    const pace = createPaceControl(now);
    /** Loops between their check of the sends in flight and the send they add (or give up). */
    let claiming = 0;

    const sendOne = async (
      broadcast: BroadcastRow,
      recipient: RecipientRow,
      turn: { departAt: number; intervalMs: number; departAfterMs: number },
      hours: SendingHours | null,
    ) => {
      const startedAt = now();
      let departAt = turn.departAt;
      let result: SendResult;
      try {
        // A row whose request would leave after the end of its sending hours goes back, unsent and its attempt given
        // back, for when they open again.
        const opens = nextSendingTime(hours, departAt);
        if (opens !== departAt) {
          await finishRecipient(
            db,
            recipient.id,
            {
              state: "waiting",
              sendId: recipient.sendId,
              callbellUuid: null,
              error: recipient.error,
              attempts: recipient.attempts - 1,
              // No wait of its own: the loop claims nothing outside the hours, and the hours may change.
              notBefore: null,
            },
            new Date(now()),
          );
          return;
        }
        const leave = async () => {
          for (;;) {
            const late = now() - departAt;
            if (late <= lateAllowedMs(turn.intervalMs)) {
              if (late >= 0) return;
              await sleep(-late);
              continue;
            }
            // Past its turn (a record held up, a timer woken after a stall of the process): the request does not leave
            // beside the next ones in their turns, but takes the next free turn in the pace.
            const slot = await bookPace(db, paceKey(broadcastId), {
              intervalMs: turn.intervalMs,
              catchUpMs: 0,
              now: now(),
            });
            departAt = slot + turn.departAfterMs;
          }
        };
        result = await deps.send(broadcast, recipient, leave);
      } catch (error) {
        console.error(
          `Bellhop: broadcast ${broadcastId}, row ${recipient.rowNumber}: the send failed:`,
          error,
        );
        await settleAfterThrow(db, recipient, new Date(now()));
        return;
      }
      const { slowDown, pauseNote, ...outcome } = recipientOutcome(result, recipient.attempts, now());
      if (slowDown) pace.tooMany(startedAt);
      // Refused for the whole account (the token, the wallet): every next row would be too. The broadcast pauses, and
      // the rows refused on the way wait for Resume.
      if (pauseNote) await pauseBroadcast(db, broadcastId, pauseNote);
      await finishRecipient(db, recipient.id, outcome, new Date(now()));
    };

    const first = await findBroadcast(db, broadcastId);
    if (first?.state === "running") await deps.prepare?.(first).catch(() => {});
    /** One loop: several share the broadcast's turns (and this instance's sends in flight), each booking its own. */
    const lane = async () => {
      let broadcast = first;
      // The first start of a loop takes no catch-up: a resumed broadcast starts at its pace, not with a burst.
      let catchUp = false;
      let readAt = now();
      let hoursRead: string | null = null;
      let hours: SendingHours | null = null;
      for (;;) {
        // The claim itself refuses a paused or cancelled broadcast; the broadcast is re-read each second for its rate.
        if (now() - readAt >= SETTINGS_REREAD_MS) {
          broadcast = await findBroadcast(db, broadcastId);
          readAt = now();
        }
        if (!broadcast || broadcast.state !== "running") break;
        if (broadcast.sendingHours !== hoursRead) {
          hoursRead = broadcast.sendingHours;
          hours = parseSendingHours(hoursRead);
        }
        const rate = pace.rate(Math.min(broadcast.ratePerSecond, MAX_RATE_PER_SECOND));
        const maxConcurrency = deps.maxConcurrency ?? concurrencyFor(rate);
        // A place in flight is taken before the claim: another loop may be claiming at the same time.
        while (inFlight.size > 0 && inFlight.size + claiming >= maxConcurrency) await Promise.race(inFlight);
        claiming += 1;
        try {
          // Starts follow a fixed schedule booked in the shared pace (one interval after the previous slot, not after
          // now), so the rate holds when a claim is slow or the loop wakes late; a lag of under the catch-up is caught
          // up, a longer one (a pause, a stall) is not. Each request leaves at its slot plus a fixed delay, so claims
          // caught up on do not leave together.
          const intervalMs = 1000 / rate;
          const departAfterMs = deps.departAfterMs?.(rate) ?? 0;
          const catchUpMs = Math.max(CATCH_UP_SHARE * intervalMs, CATCH_UP_OF_DEPARTURE * departAfterMs);
          const slot = await bookPace(db, paceKey(broadcastId), {
            intervalMs,
            catchUpMs: catchUp ? catchUpMs : 0,
            now: now(),
          });
          // Another instance's slots (or a pace written ahead) may put this one far off: the state is read meanwhile.
          if (slot - now() > SETTINGS_REREAD_MS) {
            await sleep(SETTINGS_REREAD_MS);
            catchUp = false;
            continue;
          }
          if (slot > now()) await sleep(slot - now());
          // A slot the loop woke too late for (a stall, a long pause of the process) is given up: its request could
          // not leave in its turn. The next one is booked from now.
          const departAt = slot + departAfterMs;
          if (now() - departAt > CATCH_UP_SHARE * intervalMs) {
            catchUp = true;
            continue;
          }
          const startAt = Math.max(slot, now());
          // Outside its sending hours the broadcast waits (re-read each second: pause and cancel still work), then
          // goes on by itself at its pace, without a burst for the time it waited.
          const opens = nextSendingTime(hours, startAt);
          if (opens !== startAt) {
            await sleep(
              Math.max(1, Math.min((opens ?? Infinity) - now(), deps.waitingRereadMs ?? WAITING_REREAD_MS)),
            );
            catchUp = false;
            continue;
          }
          catchUp = true;

          const recipient = await claimNextRecipient(db, broadcastId, new Date(now()), instance);
          if (!recipient) {
            broadcast = await findBroadcast(db, broadcastId);
            readAt = now();
            // Paused or cancelled since it was read: the claim refused, and the loop ends at the check above.
            if (broadcast?.state !== "running") continue;
            if (inFlight.size > 0) {
              await Promise.race(inFlight);
              continue;
            }
            const retryAt = await nextRetryAt(db, broadcastId);
            if (retryAt) {
              await sleep(Math.max(50, Math.min(retryAt.getTime() - now(), 1_000)));
              catchUp = false;
              continue;
            }
            if (await completeBroadcastIfDone(db, broadcastId, new Date(now()))) break;
            // Rows still in flight on another instance: they finish there (or become unknown if it dies).
            await sleep(OTHERS_IN_FLIGHT_MS);
            continue;
          }
          const current = broadcast;
          const sending: Promise<void> = sendOne(
            current,
            recipient,
            { departAt, intervalMs, departAfterMs },
            hours,
          ).finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        } finally {
          claiming -= 1;
        }
      }
    };
    const rate = Math.min(first?.ratePerSecond ?? 1, MAX_RATE_PER_SECOND);
    await Promise.all(Array.from({ length: deps.lanes ?? lanesFor(rate) }, lane));
    await Promise.all(inFlight);
  }

  /** Starts the loop of a running broadcast, unless this process already runs it. */
  function ensure(broadcastId: number): Promise<void> {
    const existing = loops.get(broadcastId);
    if (existing) return existing;
    const loop = run(broadcastId)
      .catch((error: unknown) =>
        console.error(`Bellhop: broadcast ${broadcastId} stopped on an error:`, error),
      )
      .finally(() => loops.delete(broadcastId));
    loops.set(broadcastId, loop);
    return loop;
  }

  return { ensure, running: () => [...loops.keys()] };
}

/**
 * Pause, resume and cancel are state changes in the database; the loop reads the state before each send. A pause
 * Bellhop makes by itself says why (`note`, shown on the broadcast's page until it is resumed).
 */
export async function pauseBroadcast(db: Database, id: number, note: string | null = null) {
  return changeBroadcastState(db, id, ["running"], "paused", new Date(), note);
}

export async function resumeBroadcast(db: Database, id: number) {
  return changeBroadcastState(db, id, ["paused"], "running");
}

/** Cancel: the rows not yet sent never will be; rows already in flight finish. */
export async function cancelBroadcast(db: Database, id: number) {
  const cancelled = await changeBroadcastState(
    db,
    id,
    ["running", "paused", "scheduled", "missed"],
    "cancelled",
  );
  if (cancelled) await cancelWaitingRecipients(db, id);
  return cancelled;
}
