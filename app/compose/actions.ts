"use server";

import { getCallbellClient } from "@/lib/callbell";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { loadTemplates } from "@/lib/messages/account-data";
import { sendComposedMessage } from "@/lib/messages/send-message";
import type { SendResult } from "@/lib/messages/send-result";

/** The compose form's send. A public endpoint: the use-case validates everything again. */
export async function sendMessageAction(values: unknown): Promise<SendResult> {
  return sendComposedMessage(values, {
    db: await getDb(),
    client: getCallbellClient(),
    loadTemplates,
    waitForInFlightMs: getEnv().CALLBELL_TIMEOUT_MS + 5_000,
  });
}
