// PostgreSQL's tables, for drizzle-kit (drizzle.pg.config.ts) and a shared database.
import { defineSchema, pgKit } from "./schema-definition";

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
} = defineSchema(pgKit);
