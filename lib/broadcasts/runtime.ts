import "server-only";
import { getDb } from "@/lib/db/client";
import { createDispatcher } from "./dispatcher";
import { prepareRecipients, sendRecipient } from "./send-recipient";
import { processSingleton } from "@/lib/process/state";

type Dispatcher = ReturnType<typeof createDispatcher>;

/** The process's one dispatcher (Next loads server modules several times; it lives on globalThis). */
export function getDispatcher(): Dispatcher {
  return processSingleton("dispatcher", () =>
    createDispatcher({
      db: getDb,
      send: sendRecipient,
      prepare: prepareRecipients,
      // Five intervals, at most 100 ms: room for a slow claim or record without a send leaving early in its turn.
      departAfterMs: (rate) => Math.min(100, 5_000 / rate),
    }),
  );
}
