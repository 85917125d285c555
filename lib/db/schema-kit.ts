/**
 * The column builders the tables are written with (tables/*.ts): SQLite's kit, and PostgreSQL's with the same names and
 * JavaScript values (ids are numbers, times are Dates, flags are booleans).
 */
import * as pg from "drizzle-orm/pg-core";
import * as sqlite from "drizzle-orm/sqlite-core";
import type { TypedDialect } from "@/lib/db/typed-dialect";
import type { Dialect } from "./dialect-of";

export const sqliteKit = {
  table: sqlite.sqliteTable,
  /** An id the database numbers. */
  id: (name: string) => sqlite.integer(name).primaryKey({ autoIncrement: true }),
  text: sqlite.text,
  int: (name: string) => sqlite.integer(name),
  /** A moment, read and written as a Date (milliseconds in SQLite, timestamptz in PostgreSQL). */
  time: (name: string) => sqlite.integer(name, { mode: "timestamp_ms" }),
  bool: (name: string) => sqlite.integer(name, { mode: "boolean" }),
  /** Milliseconds since 1970 as a plain number, for arithmetic in SQL that reads the same in both databases. */
  millis: (name: string) => sqlite.integer(name),
  index: sqlite.index,
  uniqueIndex: sqlite.uniqueIndex,
};

export const pgKit = {
  table: pg.pgTable,
  id: (name: string) => pg.integer(name).primaryKey().generatedByDefaultAsIdentity(),
  text: pg.text,
  int: (name: string) => pg.integer(name),
  time: (name: string) => pg.timestamp(name, { withTimezone: true, mode: "date", precision: 3 }),
  bool: (name: string) => pg.boolean(name),
  millis: (name: string) => pg.bigint(name, { mode: "number" }),
  index: pg.index,
  uniqueIndex: pg.uniqueIndex,
};

/** The kit of the dialect being checked (typed-dialect.ts): the tables are typed as that database's. */
export type SchemaKit = { sqlite: typeof sqliteKit; postgres: typeof pgKit }[TypedDialect];

/** A dialect's kit, typed as the checked dialect's: drizzle-kit and each process use one dialect's tables. */
export function kitOf(dialect: Dialect): SchemaKit {
  return { sqlite: sqliteKit, postgres: pgKit }[dialect as TypedDialect];
}
