/**
 * Bellhop's tables, written once for both databases. `defineSchema` takes a kit of column builders (SQLite's or
 * PostgreSQL's, schema-kit.ts) and returns the tables, one module per aggregate under tables/; `schema.sqlite.ts` and
 * `schema.pg.ts` each call it once, for drizzle-kit and the client. Typed as the checked dialect's tables
 * (typed-dialect.ts), so the queries, written once, are checked against each database's in turn.
 */
import type { SchemaKit } from "./schema-kit";
import { defineAuditTables } from "./tables/audit";
import { defineAuthTables } from "./tables/auth";
import { defineBroadcastTables } from "./tables/broadcasts";
import { defineClusterTables } from "./tables/cluster";
import { defineReplyTables } from "./tables/replies";
import { defineSendTables } from "./tables/sends";
import { defineSettingsTables } from "./tables/settings";

export { kitOf, type SchemaKit } from "./schema-kit";

export function defineSchema(k: SchemaKit) {
  return {
    ...defineSendTables(k),
    ...defineAuthTables(k),
    ...defineSettingsTables(k),
    ...defineBroadcastTables(k),
    ...defineClusterTables(k),
    ...defineAuditTables(k),
    ...defineReplyTables(k),
  };
}
