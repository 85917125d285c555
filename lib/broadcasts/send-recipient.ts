import "server-only";
import { getCallbellClient } from "@/lib/callbell";
import { getDb } from "@/lib/db/client";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import { firstPollDelayMs } from "@/lib/delivery/poller";
import { getEnv } from "@/lib/env";
import { loadChannels, loadTemplates } from "@/lib/messages/account-data";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { sendComposedMessage } from "@/lib/messages/send-message";
import type { SendResult } from "@/lib/messages/send-result";
import { templateMediaHeader } from "@/lib/messages/template";
import { storedValues } from "./report";
import { broadcastComposeForm } from "./template-form";

/**
 * One broadcast row as the compose form would hold it: the broadcast's template and channel, the row's phone, values
 * and media URL, and metadata naming the broadcast and row (Callbell echoes it in webhooks).
 */
export function recipientComposeForm(broadcast: BroadcastRow, recipient: RecipientRow): ComposeFormValues {
  return broadcastComposeForm({
    to: recipient.phone,
    channelUuid: broadcast.channelUuid ?? "",
    templateUuid: broadcast.templateUuid,
    templateHeader: templateMediaHeader({ templateType: broadcast.templateHeader }) ?? "",
    values: storedValues(recipient.values),
    mediaUrl: recipient.mediaUrl ?? broadcast.mediaUrl ?? "",
    metadata: [
      { key: "bellhop_broadcast", value: String(broadcast.id) },
      { key: "bellhop_row", value: String(recipient.rowNumber) },
    ],
    idempotencyKey: `bc${broadcast.id}-r${recipient.id}-a${recipient.attempts}`,
  });
}

/**
 * Sends one row through the compose page's own use-case: validated by the same schema, recorded in the history
 * (linked to its broadcast) before it leaves, with an idempotency key per row and attempt.
 */
export async function sendRecipient(broadcast: BroadcastRow, recipient: RecipientRow): Promise<SendResult> {
  const env = getEnv();
  return sendComposedMessage(recipientComposeForm(broadcast, recipient), {
    db: await getDb(),
    client: await getCallbellClient(),
    loadTemplates,
    loadChannels,
    waitForInFlightMs: env.CALLBELL_TIMEOUT_MS + 5_000,
    sender: broadcast.createdById
      ? { id: broadcast.createdById, email: broadcast.createdByEmail ?? "" }
      : null,
    firstPollDelayMs: firstPollDelayMs(Boolean(env.CALLBELL_WEBHOOK_SECRET)),
    origin: { broadcastId: broadcast.id, broadcastRowId: recipient.id },
  });
}
