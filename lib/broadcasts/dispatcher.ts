import "server-only";
import {
  cancelWaitingRecipients,
  changeBroadcastState,
  claimNextRecipient,
  completeBroadcastIfDone,
  findBroadcast,
  finishRecipient,
  nextRetryAt,
} from "@/lib/db/broadcast-queries";
import { laterRetryDelayMs, maySendAgain, SEND_MAX_ATTEMPTS } from "@/lib/callbell/retry-policy";
import { instanceId, takePace } from "@/lib/db/cluster-queries";
import type { Database } from "@/lib/db/client";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import type { SendResult } from "@/lib/messages/send-result";
import { MAX_RATE_PER_SECOND } from "./limits";

/** After a 429 the whole broadcast goes at half its pace for this long (halving again on each further 429). */
const SLOW_DOWN_MS = 30_000;
/** How often a running loop re-reads its broadcast (for a changed rate); pauses are caught by the claim itself. */
const SETTINGS_REREAD_MS = 1_000;
/** How much lag the schedule catches up on. */
const CATCH_UP_MS = 1_000;
/** While another instance still has rows of the broadcast in flight, how often this one looks again. */
const OTHERS_IN_FLIGHT_MS = 500;

/** The key of a broadcast's shared pace (every instance dispatching it takes its starts from there). */
const paceKey = (broadcastId: number) => `broadcast:${broadcastId}`;

export type DispatchDependencies = {
  db: () => Promise<Database>;
  /** Sends one row (in production: the compose page's own send use-case, recorded in the history). */
  send: (broadcast: BroadcastRow, recipient: RecipientRow) => Promise<SendResult>;
  /** Sends in flight at once for one broadcast, in this instance. */
  maxConcurrency?: number;
  /** Who claims the rows (this process's instance id unless a test says otherwise). */
  instance?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a row becomes after its send: the rule that never sends a row twice because of Bellhop. */
export function recipientOutcome(
  result: SendResult,
  attempts: number,
  now: number,
): Parameters<typeof finishRecipient>[2] & { slowDown: boolean } {
  const sendId = "sendId" in result ? result.sendId : null;
  switch (result.kind) {
    case "enqueued":
      return { state: "enqueued", sendId, callbellUuid: result.uuid, error: null, slowDown: false };
    case "unknown":
      // It may have gone out: never again automatically.
      return { state: "unknown", sendId, callbellUuid: null, error: result.message, slowDown: false };
    case "invalid": {
      const fields = Object.values(result.fieldErrors);
      const error = fields.length > 0 ? `${result.message}: ${fields.join("; ")}` : result.message;
      return { state: "failed", sendId: null, callbellUuid: null, error, slowDown: false };
    }
    case "rejected": {
      // A 429, or refused before anything was sent: surely not delivered, so it may go again later (one request per
      // attempt: the row's attempts are the requests that reached Callbell).
      const retryable = maySendAgain(result);
      if (retryable && attempts < SEND_MAX_ATTEMPTS) {
        return {
          state: "waiting",
          sendId,
          callbellUuid: null,
          error: result.message,
          notBefore: new Date(now + laterRetryDelayMs(attempts)),
          slowDown: result.status === 429,
        };
      }
      const error = retryable ? `${result.message} (after ${attempts} attempts)` : result.message;
      return { state: "failed", sendId, callbellUuid: null, error, slowDown: result.status === 429 };
    }
  }
}

/**
 * The broadcast dispatcher: one loop per running broadcast in each instance, starting sends on a fixed schedule at
 * the broadcast's pace (absolute times, so the rate does not drift), with at most `maxConcurrency` in flight. The
 * schedule is kept in the database (a shared pace), so several instances dispatching one broadcast start no more
 * than its rate between them. Each row is claimed in the database before it is sent, so the list survives a restart,
 * and a row is sent once whichever instance claims it.
 */
export function createDispatcher(deps: DispatchDependencies) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const maxConcurrency = deps.maxConcurrency ?? 20;
  const loops = new Map<number, Promise<void>>();

  async function run(broadcastId: number) {
    const db = await deps.db();
    const inFlight = new Set<Promise<void>>();
    const instance = deps.instance ?? instanceId();
    let slowFactor = 1;
    let slowUntil = 0;
    // The first start of a loop takes no catch-up: a resumed broadcast starts at its pace, not with a burst.
    let catchUpMs = 0;

    const sendOne = async (broadcast: BroadcastRow, recipient: RecipientRow) => {
      let result: SendResult;
      try {
        result = await deps.send(broadcast, recipient);
      } catch (error) {
        result = {
          kind: "unknown",
          sendId: 0,
          message: `Bellhop failed while sending: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const { slowDown, ...outcome } = recipientOutcome(result, recipient.attempts, now());
      if (slowDown) {
        slowFactor = Math.min(slowFactor * 2, 64);
        slowUntil = now() + SLOW_DOWN_MS;
      }
      await finishRecipient(db, recipient.id, outcome, new Date(now()));
    };

    let broadcast = await findBroadcast(db, broadcastId);
    let readAt = now();
    for (;;) {
      // The claim itself refuses a paused or cancelled broadcast; the broadcast is re-read each second for its rate.
      if (now() - readAt >= SETTINGS_REREAD_MS) {
        broadcast = await findBroadcast(db, broadcastId);
        readAt = now();
      }
      if (!broadcast || broadcast.state !== "running") break;
      if (now() >= slowUntil) slowFactor = 1;
      const rate = Math.max(0.5, Math.min(broadcast.ratePerSecond, MAX_RATE_PER_SECOND) / slowFactor);
      while (inFlight.size >= maxConcurrency) await Promise.race(inFlight);
      // Starts follow a fixed schedule (one interval after the previous slot, not after now), so the rate holds
      // when a claim is slow; a lag of up to a second is caught up, a longer one (a pause, a stall) is not.
      const wait = await takePace(db, paceKey(broadcastId), {
        intervalMs: 1000 / rate,
        catchUpMs,
        now: now(),
      });
      if (wait > 0) {
        await sleep(Math.min(wait, SETTINGS_REREAD_MS));
        continue;
      }
      catchUpMs = CATCH_UP_MS;

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
          catchUpMs = 0;
          continue;
        }
        if (await completeBroadcastIfDone(db, broadcastId, new Date(now()))) break;
        // Rows still in flight on another instance: they finish there (or become unknown if it dies).
        await sleep(OTHERS_IN_FLIGHT_MS);
        continue;
      }
      const current = broadcast;
      const sending: Promise<void> = sendOne(current, recipient).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
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

/** Pause, resume and cancel are state changes in the database; the loop reads the state before each send. */
export async function pauseBroadcast(db: Database, id: number) {
  return changeBroadcastState(db, id, ["running"], "paused");
}

export async function resumeBroadcast(db: Database, id: number) {
  return changeBroadcastState(db, id, ["paused"], "running");
}

/** Cancel: the rows not yet sent never will be; rows already in flight finish. */
export async function cancelBroadcast(db: Database, id: number) {
  const cancelled = await changeBroadcastState(db, id, ["running", "paused"], "cancelled");
  if (cancelled) await cancelWaitingRecipients(db, id);
  return cancelled;
}
