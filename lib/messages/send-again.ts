import "server-only";
import { getDb } from "@/lib/db/client";
import { findSendById } from "@/lib/db/queries";
import { composeFormFromRequest } from "./compose-from-request";
import type { ComposeFormValues } from "./compose-form";
import type { TemplateSummary } from "./template";

export type SendAgainPrefill = { sendId: number; sentAt: string; form: ComposeFormValues };

/**
 * The compose form of an earlier send, for `Send again`. It has no idempotency key: the browser gives it a new one,
 * so it is a new send and never a replay of the old one.
 */
export async function loadSendAgain(
  id: number,
  templates: TemplateSummary[] | null,
): Promise<SendAgainPrefill | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = await findSendById(await getDb(), id);
  if (!row) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(row.requestBody);
  } catch {
    return null;
  }
  const template = templates?.find((t) => t.uuid === row.templateUuid);
  return {
    sendId: row.id,
    sentAt: row.createdAt.toISOString(),
    form: composeFormFromRequest(stored, row, "", template),
  };
}
