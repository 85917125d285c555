import "server-only";
import { isCallbellError, type CallbellClient } from "@/lib/callbell";
import { readPauseAfter429Ms } from "@/lib/callbell/retry-policy";
import type { Database } from "@/lib/db/client";
import { acquireLease, instanceId } from "@/lib/db/cluster-queries";
import { listSendsDueForPoll, schedulePoll } from "@/lib/db/status-event-queries";
import { recordStatusReport } from "./record-status";
import { isCallbellStatus, POLLED_STATUSES } from "./status-rule";
import { processSingleton } from "@/lib/process/state";

/** Only messages younger than this are polled: after a day, a status that has not moved will not. */
export const POLL_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 15 * 60 * 1000;
const RATE_WINDOW_MS = 60_000;

/** The wait before poll number `pollCount + 1` of one message: 5 s, 10 s, 20 s, … at most 15 minutes. */
export function pollDelayMs(pollCount: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, pollCount), MAX_DELAY_MS);
}

/**
 * When an enqueued message is first polled. With a webhook, Callbell pushes statuses and polling is only the safety
 * net, so it waits longer before asking.
 */
export function firstPollDelayMs(webhookConfigured: boolean): number {
  return webhookConfigured ? 2 * 60_000 : FIRST_DELAY_MS;
}

export type PollerDependencies = {
  db: () => Promise<Database>;
  client: () => Promise<CallbellClient>;
  /**
   * The bound on status requests in any 60 seconds, for the whole deployment, or how to read it on each tick (it
   * depends on which Callbell this process speaks to: the sandbox's is in the process, with no account's limit).
   */
  perMinute: number | (() => Promise<number>);
  /**
   * Whether this instance polls now: one instance at a time does (it holds the `poller` lease), so no message is
   * asked about twice and the bound holds for all instances together. Unset: always (one process, the tests).
   */
  lead?: () => Promise<boolean>;
  now?: () => number;
};

/** The sandbox's bound: its simulator is in the process, and no account's limit applies to it. */
export const SANDBOX_POLL_PER_MINUTE = 600;

/** How long the poller's lease lasts without renewal: another instance takes over this long after the poller dies. */
export const POLLER_LEASE_MS = 10_000;

export type TickResult = { asked: number; changed: number; paused: boolean };

/**
 * Asks Callbell (`GET /messages/status/:uuid`) about messages that are not final and younger than 24 hours, each with
 * its own backoff, never more than `perMinute` requests in any minute, whatever the history holds.
 */
export function createStatusPoller(deps: PollerDependencies) {
  const now = deps.now ?? Date.now;
  const recent: number[] = [];
  let pausedUntil = 0;
  let running = false;

  function allowance(at: number, perMinute: number): number {
    while (recent.length > 0 && recent[0]! <= at - RATE_WINDOW_MS) recent.shift();
    return Math.max(0, perMinute - recent.length);
  }

  async function tick(): Promise<TickResult> {
    const result: TickResult = { asked: 0, changed: 0, paused: false };
    // One tick at a time: a slow Callbell never piles ticks up.
    if (running) return result;
    running = true;
    try {
      const start = now();
      // The leader renews its lease on every tick, even while paused or out of allowance, so it keeps the lead.
      if (deps.lead && !(await deps.lead())) return result;
      if (start < pausedUntil) return { ...result, paused: true };
      const allowed = allowance(
        start,
        typeof deps.perMinute === "number" ? deps.perMinute : await deps.perMinute(),
      );
      if (allowed === 0) return result;
      const db = await deps.db();
      const due = await listSendsDueForPoll(db, {
        statuses: POLLED_STATUSES,
        now: new Date(start),
        since: new Date(start - POLL_WINDOW_MS),
        limit: allowed,
      });
      if (due.length === 0) return result;
      const client = await deps.client();
      for (const send of due) {
        if (!send.callbellUuid) continue;
        recent.push(now());
        result.asked += 1;
        let keepPolling = true;
        try {
          const answer = await client.getMessageStatus(send.callbellUuid);
          if (isCallbellStatus(answer.status)) {
            const recorded = await recordStatusReport(db, {
              callbellUuid: send.callbellUuid,
              status: answer.status,
              payload: { uuid: answer.uuid, status: answer.status, messageStatusPayload: answer.payload },
              source: "poll",
            });
            if (recorded.kind === "recorded") {
              if (recorded.changed) result.changed += 1;
              keepPolling = (POLLED_STATUSES as readonly string[]).includes(recorded.status);
            }
          }
        } catch (error) {
          if (isCallbellError(error) && error.status === 429) {
            // Callbell asks everyone to slow down: the whole poller waits, and this message is asked again later.
            pausedUntil = now() + readPauseAfter429Ms(error.retryAfterSeconds);
            await schedulePoll(db, send.id, new Date(pausedUntil), send.pollCount);
            return { ...result, paused: true };
          }
          // Anything else (a 404, a timeout): this message backs off; the others go on.
        }
        await schedulePoll(
          db,
          send.id,
          keepPolling ? new Date(now() + pollDelayMs(send.pollCount + 1)) : null,
          send.pollCount + 1,
        );
      }
      return result;
    } finally {
      running = false;
    }
  }

  return { tick };
}

/**
 * Started once per process at start (lib/server-start.ts), so statuses move while nobody has a page open. Every
 * instance starts one; the one holding the `poller` lease asks, and renews the lease on each tick (a new leader starts
 * a fresh minute, as after a restart).
 */
export function startStatusPoller(deps: PollerDependencies, everyMs = 2_000) {
  processSingleton("status-poller", () => {
    const lead = async () => acquireLease(await deps.db(), "poller", instanceId(), POLLER_LEASE_MS);
    const poller = createStatusPoller({ lead, ...deps });
    return setInterval(() => {
      poller.tick().catch((error: unknown) => console.error("Bellhop: the status poller failed:", error));
    }, everyMs).unref();
  });
}
