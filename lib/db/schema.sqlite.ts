// SQLite's tables, for drizzle-kit (drizzle.config.ts) and the embedded database.
import { defineSchema, kitOf } from "./schema-definition";

export const {
  sends,
  sendEvents,
  user,
  session,
  account,
  verification,
  settings,
  broadcasts,
  broadcastRecipients,
  leases,
  paces,
  signInFailures,
  webhookReceipts,
  auditEntries,
  receivedMessages,
} = defineSchema(kitOf("sqlite"));
