import "server-only";
import { getCallbellClient } from "@/lib/settings/callbell-connection";
import { getDb } from "@/lib/db/client";
import { firstPollDelayMs } from "@/lib/delivery/poller";
import { getEnv } from "@/lib/env";
import { loadChannels, loadTemplates } from "./account-data";
import type { SendDependencies } from "./send-message";

/**
 * What a send needs in this process, for every caller (Compose, the wizard's test send, each broadcast row): the
 * database, the Callbell client of the current mode, the cached account data, how long a repeated attempt waits for
 * the first, and when its status is first polled.
 */
export async function sendDependencies(
  sender: SendDependencies["sender"],
): Promise<Omit<SendDependencies, "origin" | "retry">> {
  const env = getEnv();
  return {
    db: await getDb(),
    client: await getCallbellClient(),
    loadTemplates,
    loadChannels,
    waitForInFlightMs: env.CALLBELL_TIMEOUT_MS + 5_000,
    sender,
    firstPollDelayMs: firstPollDelayMs(Boolean(env.CALLBELL_WEBHOOK_SECRET)),
  };
}
