// The e2e servers' databases. By default a SQLite file each under ./data; with E2E_POSTGRES_URL set (for example
// postgres://bellhop:bellhop@127.0.0.1:5432, as e2e/scripts/postgres.sh makes it) a PostgreSQL database each.
import { rmSync } from "node:fs";
import pg from "pg";

const postgres = process.env.E2E_POSTGRES_URL?.replace(/\/+$/, "");

/** The DATABASE_URL of the e2e server called `name`. */
export function e2eDatabaseUrl(name) {
  return postgres ? `${postgres}/bellhop_e2e_${name.replace(/-/g, "_")}` : `file:./data/e2e-${name}.db`;
}

/**
 * The environment that puts the e2e server `name` on its database. On PostgreSQL every instance needs the same
 * BELLHOP_SECRET (Bellhop refuses to start without one there).
 */
export function e2eDatabaseEnv(name) {
  return {
    DATABASE_URL: e2eDatabaseUrl(name),
    ...(postgres ? { BELLHOP_SECRET: "e2e-shared-secret-for-every-instance-0123456789" } : {}),
  };
}

/** Empties the named server's database: deletes the SQLite file, or drops and creates the PostgreSQL database. */
export async function freshDatabase(name) {
  const url = e2eDatabaseUrl(name);
  if (!postgres) {
    const file = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    return;
  }
  const database = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: `${postgres}/postgres` });
  await client.connect();
  try {
    await client.query("set client_min_messages = warning");
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}
