import "server-only";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { sendDependencies } from "@/lib/messages/send-dependencies";
import { sendComposedMessage, type SendDependencies } from "@/lib/messages/send-message";
import type { SendResult } from "@/lib/messages/send-result";
import type { Platform } from "@/lib/messages/options";
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
    idempotencyKey: recipientSendKey(broadcast.id, recipient.id),
  });
}

/** A row's history entry: one per row, whatever its attempts (see `lib/messages/send-attempts.ts`). */
export const recipientSendKey = (broadcastId: number, rowId: number) => `broadcast${broadcastId}-row${rowId}`;

/** The key a row's attempt had before rows kept one entry (a broadcast interrupted by the upgrade). */
export const legacyRecipientSendKey = (broadcastId: number, rowId: number, attempt: number) =>
  `bc${broadcastId}-r${rowId}-a${attempt}`;

/**
 * Sends one row through the compose page's own use-case: validated by the same schema, recorded in the history
 * (linked to its broadcast, sent by its creator) before it leaves, with an idempotency key per row. One request per
 * attempt: the dispatcher repeats a refused row later itself (see `lib/callbell/retry-policy.ts`), on the same entry.
 */
export function sendRecipientWith(deps: Omit<SendDependencies, "origin" | "retry" | "sender">) {
  return (
    broadcast: BroadcastRow,
    recipient: RecipientRow,
    leave?: () => Promise<void>,
  ): Promise<SendResult> =>
    sendComposedMessage(recipientComposeForm(broadcast, recipient), {
      ...deps,
      sender: broadcast.createdById
        ? { id: broadcast.createdById, email: broadcast.createdByEmail ?? "" }
        : null,
      origin: { broadcastId: broadcast.id, broadcastRowId: recipient.id },
      retry: "later",
      attempt: recipient.attempts,
      leave,
    });
}

/** `sendRecipientWith` this process's dependencies. */
export async function sendRecipient(
  broadcast: BroadcastRow,
  recipient: RecipientRow,
  leave?: () => Promise<void>,
): Promise<SendResult> {
  return sendRecipientWith(await sendDependencies(null))(broadcast, recipient, leave);
}

/** Loads the lists every row's send checks (templates, the platform's channels) into the cache, before the first. */
export async function prepareRecipients(broadcast: BroadcastRow): Promise<void> {
  const deps = await sendDependencies(null);
  await Promise.allSettled([deps.loadTemplates(), deps.loadChannels(broadcast.platform as Platform)]);
}
