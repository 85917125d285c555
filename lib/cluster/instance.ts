import "server-only";
import { getDispatcher } from "@/lib/broadcasts/runtime";
import { settleInterruptedRecipients } from "@/lib/broadcasts/interrupted-rows";
import { listBroadcastsInState } from "@/lib/db/broadcast-state-queries";
import { getDb } from "@/lib/db/client";
import { countOf, nounFor } from "@/lib/format/plural";
import {
  acquireLease,
  deleteExpiredLeases,
  INSTANCE_LEASE_MS,
  instanceId,
  instanceLeaseName,
} from "@/lib/db/cluster-queries";
import { markInterruptedSendsUnknown } from "@/lib/db/send-queries";
import { deleteSignInFailuresBefore } from "@/lib/db/sign-in-failure-queries";
import { processSingleton } from "@/lib/process/state";

/** How often an instance renews its lease and looks for work; well inside INSTANCE_LEASE_MS. */
export const HEARTBEAT_MS = 5_000;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export type HeartbeatResult = { interruptedSends: number; interruptedRows: number; broadcasts: number };

/**
 * One beat of this instance: renew its lease (while it holds one, what it has in flight is its own); settle what gone
 * instances had in flight (a send that may have left is `unknown`; a broadcast row that recorded none waits again);
 * dispatch every running broadcast here too (each row is claimed once,
 * whichever instance claims it); forget long-expired leases and sign-in failures.
 */
export async function heartbeat(now = Date.now()): Promise<HeartbeatResult> {
  const db = await getDb();
  const me = instanceId();
  await acquireLease(db, instanceLeaseName(me), me, INSTANCE_LEASE_MS, now);
  const interruptedSends = await markInterruptedSendsUnknown(db, new Date(now), me);
  const settled = await settleInterruptedRecipients(db, new Date(now), me);
  const interruptedRows = Object.values(settled).reduce((sum, count) => sum + count, 0);
  const running = await listBroadcastsInState(db, "running");
  for (const broadcast of running) void getDispatcher().ensure(broadcast.id);
  await deleteExpiredLeases(db, now - FORGET_AFTER_MS);
  await deleteSignInFailuresBefore(db, now - FORGET_AFTER_MS);
  if (interruptedSends > 0)
    console.warn(
      `Bellhop: ${countOf(interruptedSends, "send")} interrupted by a stopped instance ${nounFor(interruptedSends, "is", "are")} now "unknown"`,
    );
  if (interruptedRows > 0)
    console.warn(
      `Bellhop: ${countOf(interruptedRows, "broadcast row")} ${nounFor(interruptedRows, "was", "were")} in flight on a stopped instance: ` +
        Object.entries(settled)
          .map(([state, count]) => `${count} now "${state}"`)
          .join(", "),
    );
  return { interruptedSends, interruptedRows, broadcasts: running.length };
}

/** At start: the first beat (before any request), then one every HEARTBEAT_MS. */
export async function startInstance(): Promise<HeartbeatResult> {
  const first = await heartbeat();
  processSingleton("instance-heartbeat", () =>
    setInterval(() => {
      heartbeat().catch((error: unknown) => console.error("Bellhop: the instance heartbeat failed:", error));
    }, HEARTBEAT_MS).unref(),
  );
  return first;
}
