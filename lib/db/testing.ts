import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "./client";
import { DIALECT } from "./dialect";

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
