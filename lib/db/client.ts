import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { drizzle as drizzleLibsql, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate as migrateLibsql } from "drizzle-orm/libsql/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";
import { DIALECT, dialectOf } from "./dialect";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema.sqlite";
import { processSingleton } from "@/lib/process/state";

/**
 * The handle every query takes. Typed as drizzle's SQLite database: PostgreSQL's has the same query builder for what
 * Bellhop uses, and the few differences (raw SQL, locking) are settled inside lib/db by `dialectOf`.
 */
export type Database = LibSQLDatabase<typeof sqliteSchema>;

export type DatabaseHandle = {
  db: Database;
  /** Resolves once the migrations have run. */
  ready: Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations-pg");

/** Any number for the advisory lock that lets one instance at a time run PostgreSQL migrations. */
const MIGRATION_LOCK = 727_001;

/**
 * Opens (and migrates) a database: `file:…` or `libsql:…` is SQLite; `postgres://…` is PostgreSQL, where
 * `options.schema` puts Bellhop's tables (and its migration journal) in a schema of their own (the tests use one each).
 */
export function openDatabase(url: string, options: { schema?: string } = {}): DatabaseHandle {
  if (dialectOf(url) !== DIALECT) {
    // The tables (schema.ts) were chosen for DATABASE_URL when the process started.
    throw new Error(
      `This process uses ${DIALECT}: it cannot open ${dialectOf(url)} (set DATABASE_URL to choose)`,
    );
  }
  return dialectOf(url) === "postgres" ? openPostgres(url, options.schema) : openSqlite(url);
}

function openSqlite(url: string): DatabaseHandle {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url });
  const db = drizzleLibsql(client, { schema: sqliteSchema });
  const ready = (async () => {
    // WAL lets the history read while a send writes; a busy timeout rides out a concurrent write.
    if (url.startsWith("file:")) {
      await client.execute("PRAGMA journal_mode = WAL");
      await client.execute("PRAGMA busy_timeout = 5000");
    }
    await migrateLibsql(db, { migrationsFolder: MIGRATIONS_FOLDER });
  })();
  return { db, ready };
}

function openPostgres(url: string, schema: string | undefined): DatabaseHandle {
  const pool = new Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that breaks (a database restart) is dropped by the pool; without a listener it would crash.
  pool.on("error", (error) => console.error("Bellhop: a PostgreSQL connection failed:", error.message));
  const db = drizzlePg(pool, { schema: pgSchema });
  const ready = (async () => {
    const lock = await pool.connect();
    try {
      // Instances starting together: one migrates, the others wait and then find nothing to do.
      await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      if (schema) await lock.query(`create schema if not exists "${schema.replace(/"/g, "")}"`);
      await migratePg(db, {
        migrationsFolder: PG_MIGRATIONS_FOLDER,
        ...(schema ? { migrationsSchema: schema } : {}),
      });
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
  })();
  return { db: db as unknown as Database, ready };
}

/** The process's database, migrated before the first query. */
export async function getDb(): Promise<Database> {
  // One connection (pool) per process, however many times Next loads this module.
  const handle = processSingleton("database", () => openDatabase(getEnv().databaseUrl));
  await handle.ready;
  return handle.db;
}
