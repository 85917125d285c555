import { randomBytes } from "node:crypto";
import { openDatabase, type DatabaseHandle } from "./client";
import { DIALECT } from "./dialect";

/**
 * A fresh, empty, migrated database for one test: SQLite in memory, or, when the suite runs against PostgreSQL
 * (DATABASE_URL=postgres://…), a schema of its own in that database.
 */
export function openTestDatabase(): DatabaseHandle {
  if (DIALECT === "sqlite") return openDatabase(":memory:");
  return openDatabase(process.env.DATABASE_URL!, { schema: `test_${randomBytes(6).toString("hex")}` });
}
