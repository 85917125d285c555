import "server-only";
import { listBroadcastsInState, markInterruptedRecipientsUnknown } from "@/lib/db/broadcast-queries";
import { getDb } from "@/lib/db/client";
import { createDispatcher } from "./dispatcher";
import { sendRecipient } from "./send-recipient";

type Dispatcher = ReturnType<typeof createDispatcher>;
const globalForBroadcasts = globalThis as unknown as { bellhopDispatcher?: Dispatcher };

/** The process's one dispatcher (Next loads server modules several times; it lives on globalThis). */
export function getDispatcher(): Dispatcher {
  globalForBroadcasts.bellhopDispatcher ??= createDispatcher({ db: getDb, send: sendRecipient });
  return globalForBroadcasts.bellhopDispatcher;
}

/**
 * At start: rows that were in flight when the process stopped (even by kill -9) become unknown, never sent again;
 * then every running broadcast carries on with its remaining rows.
 */
export async function resumeBroadcasts(): Promise<{ interrupted: number; resumed: number }> {
  const db = await getDb();
  const interrupted = await markInterruptedRecipientsUnknown(db);
  const running = await listBroadcastsInState(db, "running");
  for (const broadcast of running) void getDispatcher().ensure(broadcast.id);
  return { interrupted, resumed: running.length };
}
