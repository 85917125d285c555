import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema>;

type DatabaseHandle = { client: Client; db: Database; ready: Promise<void> };

// Next loads server modules more than once; one connection per process lives on globalThis.
const globalForDb = globalThis as unknown as { bellhopDb?: DatabaseHandle };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");

export function openDatabase(url: string): DatabaseHandle {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url });
  const db = drizzle(client, { schema });
  const ready = (async () => {
    // WAL lets the history read while a send writes; a busy timeout rides out a concurrent write.
    if (url.startsWith("file:")) {
      await client.execute("PRAGMA journal_mode = WAL");
      await client.execute("PRAGMA busy_timeout = 5000");
    }
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  })();
  return { client, db, ready };
}

/** The process's database, migrated before the first query. */
export async function getDb(): Promise<Database> {
  globalForDb.bellhopDb ??= openDatabase(getEnv().databaseUrl);
  await globalForDb.bellhopDb.ready;
  return globalForDb.bellhopDb.db;
}
