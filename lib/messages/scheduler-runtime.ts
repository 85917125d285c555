import "server-only";
import { getDispatcher } from "@/lib/broadcasts/runtime";
import { startBroadcastsDue } from "@/lib/broadcasts/start-due";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { processSingleton } from "@/lib/process/state";
import { createScheduler } from "./scheduler";
import { sendDependencies } from "./send-dependencies";
import { fireScheduledSend } from "./send-later";

/** The process's one scheduler, ticking every second from start (Next loads server modules several times). */
export function startScheduler(): () => void {
  return processSingleton("scheduler", () => {
    const env = getEnv();
    return createScheduler({
      db: getDb,
      // Each message goes as its own sender's, with the Callbell client of the mode at the time it fires.
      fire: async (row, depart) => fireScheduledSend(row, await sendDependencies(null), depart),
      lateLimitMs: env.BELLHOP_LATE_LIMIT,
      // Shared by every instance on the database: together they start no more than this a second.
      ratePerSecond: env.BELLHOP_SCHEDULE_RATE,
      // Broadcasts started later: started here, dispatched by this instance (the others join on their heartbeat).
      startBroadcasts: async (now) =>
        startBroadcastsDue(
          await getDb(),
          now,
          env.BELLHOP_LATE_LIMIT,
          (id) => void getDispatcher().ensure(id),
        ),
    }).start(1_000);
  });
}
