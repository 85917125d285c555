import "server-only";
import { getDb } from "@/lib/db/client";
import { createDispatcher } from "./dispatcher";
import { sendRecipient } from "./send-recipient";

type Dispatcher = ReturnType<typeof createDispatcher>;
const globalForBroadcasts: typeof globalThis & { bellhopDispatcher?: Dispatcher } = globalThis;

/** The process's one dispatcher (Next loads server modules several times; it lives on globalThis). */
export function getDispatcher(): Dispatcher {
  globalForBroadcasts.bellhopDispatcher ??= createDispatcher({ db: getDb, send: sendRecipient });
  return globalForBroadcasts.bellhopDispatcher;
}
