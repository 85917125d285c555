import "server-only";
import type { Database } from "./client";
import { webhookReceipts } from "./schema";

export type WebhookReceiptKind = "event" | "check";

export type WebhookReceipts = {
  /** The last request that carried an event, and that event's name. */
  event: { name: string; receivedAt: Date } | null;
  /** The last request that carried no event (Callbell's health check, however it is sent). */
  check: { receivedAt: Date } | null;
};

/** One upsert per request: the table never holds more than one row per kind. */
export async function recordWebhookReceipt(
  db: Database,
  kind: WebhookReceiptKind,
  event: string | null,
  receivedAt: Date,
) {
  await db
    .insert(webhookReceipts)
    .values({ kind, event, receivedAt })
    .onConflictDoUpdate({ target: webhookReceipts.kind, set: { event, receivedAt } });
}

export async function readWebhookReceipts(db: Database): Promise<WebhookReceipts> {
  const rows = await db.select().from(webhookReceipts);
  const event = rows.find((row) => row.kind === "event");
  const check = rows.find((row) => row.kind === "check");
  return {
    event: event ? { name: event.event ?? "", receivedAt: event.receivedAt } : null,
    check: check ? { receivedAt: check.receivedAt } : null,
  };
}
