import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { drizzle as drizzleLibsql, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate as migrateLibsql } from "drizzle-orm/libsql/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";
import type { TypedDialect } from "@/lib/db/typed-dialect";
import { DIALECT, dialectOf, forDialect } from "./dialect";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema.sqlite";
import { processSingleton } from "@/lib/process/state";
import { setUpSqliteConnections, type SynchronousMode } from "./sqlite-connections";

export type SqliteDatabase = LibSQLDatabase<typeof sqliteSchema>;
export type PostgresDatabase = NodePgDatabase<typeof pgSchema>;

/**
 * The handle every query takes: the checked dialect's drizzle database (typed-dialect.ts). `npm run typecheck` checks
 * every query against SQLite's and then PostgreSQL's; where their SQL differs, a named function in lib/db says so.
 */
export type Database = { sqlite: SqliteDatabase; postgres: PostgresDatabase }[TypedDialect];

export type DatabaseHandle<Db = Database> = {
  db: Db;
  /** Resolves once the migrations have run. */
  ready: Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations-pg");

/** How long a write to SQLite waits for another connection's write to finish before it fails. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** Any number for the advisory lock that lets one instance at a time run PostgreSQL migrations. */
const MIGRATION_LOCK = 727_001;

/**
 * Opens (and migrates) a database: `file:…` or `libsql:…` is SQLite; `postgres://…` is PostgreSQL, where
 * `options.schema` puts Bellhop's tables (and its migration journal) in a schema of their own (the tests use one each).
 */
export function openDatabase(
  url: string,
  options: { schema?: string; synchronous?: SynchronousMode } = {},
): DatabaseHandle {
  if (dialectOf(url) !== DIALECT) {
    // The tables (schema.ts) were chosen for DATABASE_URL when the process started.
    throw new Error(
      `This process uses ${DIALECT}: it cannot open ${dialectOf(url)} (set DATABASE_URL to choose)`,
    );
  }
  return forDialect({
    sqlite: () => openSqlite(url, options.synchronous ?? "normal"),
    postgres: () => openPostgres(url, options.schema),
  })();
}

function openSqlite(url: string, synchronous: SynchronousMode): DatabaseHandle<SqliteDatabase> {
  setUpSqliteConnections(synchronous);
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // The client keeps a pool of connections (one per request in flight). Each needs the busy timeout that rides out
  // a concurrent write: a PRAGMA reaches one connection only, and without it a write that meets another fails at
  // once (SQLITE_BUSY, or SQLITE_BUSY_SNAPSHOT in WAL), as 200 webhook calls a second showed.
  const client = createClient({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const db = drizzleLibsql(client, { schema: sqliteSchema });
  const ready = (async () => {
    // WAL lets the history read while a send writes (it is kept in the file, for every connection).
    if (url.startsWith("file:")) await client.execute("PRAGMA journal_mode = WAL");
    await migrateLibsql(db, { migrationsFolder: MIGRATIONS_FOLDER });
  })();
  return { db, ready };
}

function openPostgres(url: string, schema: string | undefined): DatabaseHandle<PostgresDatabase> {
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
  return { db, ready };
}

/** The process's database, migrated before the first query. */
export async function getDb(): Promise<Database> {
  // One connection (pool) per process, however many times Next loads this module.
  const handle = processSingleton("database", () => {
    const env = getEnv();
    return openDatabase(env.databaseUrl, { synchronous: env.BELLHOP_SQLITE_SYNCHRONOUS });
  });
  await handle.ready;
  return handle.db;
}
