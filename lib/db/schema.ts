import { forDialect } from "./dialect";
import * as pgTables from "./schema.pg";
import * as sqliteTables from "./schema.sqlite";

export * from "./constants";

// The tables of the process's database (see dialect.ts). Both sets have one definition (schema-definition.ts) and the
// same shape, so every query is written once, and checked against each dialect's types (typed-dialect.ts).
const tables = forDialect({ sqlite: sqliteTables, postgres: pgTables });

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
} = tables;

export type SendRow = typeof sends.$inferSelect;
export type SendEventRow = typeof sendEvents.$inferSelect;
export type BroadcastRow = typeof broadcasts.$inferSelect;
export type RecipientRow = typeof broadcastRecipients.$inferSelect;
export type AuditEntryRow = typeof auditEntries.$inferSelect;
export type ReceivedMessageRow = typeof receivedMessages.$inferSelect;
