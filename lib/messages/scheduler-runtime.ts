import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { processSingleton } from "@/lib/process/state";
import { getDispatcher } from "@/lib/broadcasts/runtime";
import { startBroadcastsDue } from "@/lib/broadcasts/start-due";
import { createScheduler } from "./scheduler";
import { sendDependencies } from "./send-dependencies";
import { fireScheduledSend } from "./send-later";

/** Messages fired a second at most, per instance: the account's pace for compose sends (docs/user-guide.md). */
export const SCHEDULED_PER_SECOND = 10;

/** The process's one scheduler, ticking every second from start (Next loads server modules several times). */
export function startScheduler(): () => void {
  return processSingleton("scheduler", () =>
    createScheduler({
      db: getDb,
      // Each message goes as its own sender's, with the Callbell client of the mode at the time it fires.
      fire: async (row) => fireScheduledSend(row, await sendDependencies(null)),
      lateLimitMs: getEnv().BELLHOP_LATE_LIMIT,
      perTick: SCHEDULED_PER_SECOND,
      // Broadcasts started later: started here, dispatched by this instance (the others join on their heartbeat).
      startBroadcasts: async (now) =>
        startBroadcastsDue(await getDb(), now, getEnv().BELLHOP_LATE_LIMIT, (id) => void getDispatcher().ensure(id)),
    }).start(1_000),
  );
}
