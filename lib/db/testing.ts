import { randomBytes } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { openDatabase, type Database, type PostgresDatabase, type SqliteDatabase } from "./client";
import { DIALECT, forDialect } from "./dialect";

/**
 * A fresh, empty, migrated database for one test: SQLite in memory, or, when the suite runs against PostgreSQL
 * (DATABASE_URL=postgres://…), a schema of its own in that database.
 */
export async function testDatabase(): Promise<Database> {
  const handle =
    DIALECT === "sqlite"
      ? openDatabase(":memory:")
      : openDatabase(process.env.DATABASE_URL!, { schema: `test_${randomBytes(6).toString("hex")}` });
  await handle.ready;
  return handle.db;
}

/** Runs raw SQL (on a database or inside a transaction) and returns its rows, by column name. */
export const rawRows = forDialect({
  sqlite: (db: Pick<SqliteDatabase, "all">, query: SQL) => db.all<Record<string, string>>(query),
  postgres: async (db: Pick<PostgresDatabase, "execute">, query: SQL) =>
    (await db.execute<Record<string, string>>(query)).rows,
});
