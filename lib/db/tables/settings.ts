import type { SchemaKit } from "../schema-kit";

export function defineSettingsTables(k: SchemaKit) {
  /**
   * Bellhop's own settings, one row per key: the Callbell token (encrypted, never in clear), the account it belongs to,
   * and the chosen mode. Who changed a value, and when, is kept beside it.
   */
  const settings = k.table("settings", {
    key: k.text("key").primaryKey(),
    value: k.text("value").notNull(),
    updatedAt: k.time("updated_at").notNull(),
    updatedBy: k.text("updated_by"),
  });

  /**
   * When Callbell last reached the webhook, one row per kind: `event` (a request that carried an event, with its name)
   * and `check` (one that carried none: Callbell's health check). Upserted per request, so every instance and the
   * Settings page see the same answer.
   */
  const webhookReceipts = k.table("webhook_receipts", {
    kind: k.text("kind", { enum: ["event", "check"] }).primaryKey(),
    event: k.text("event"),
    receivedAt: k.time("received_at").notNull(),
  });

  return { settings, webhookReceipts };
}
