// PostgreSQL's tables, for drizzle-kit (drizzle.pg.config.ts) and a shared database.
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
} = defineSchema(kitOf("postgres"));
