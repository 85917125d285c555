import { sql } from "drizzle-orm";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import type { TypedDialect } from "@/lib/db/typed-dialect";
import { describe, expect, it } from "vitest";
import type { Database } from "./client";
import { DIALECT, type Dialect } from "./dialect";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema.sqlite";
import { rawRows, testDatabase } from "./testing";

type Shape = Record<string, { columns: string[]; indexes: string[] }>;

const shape = (
  configs: { name: string; columns: { name: string }[]; indexes: { config: { name?: string } }[] }[],
) =>
  Object.fromEntries(
    configs.map((table) => [
      table.name,
      {
        columns: table.columns.map((column) => column.name).sort(),
        indexes: table.indexes.map((index) => index.config.name ?? "").sort(),
      },
    ]),
  ) as Shape;

/** A dialect's getTableConfig, typed for the checked dialect's tables as kitOf types them (typed-dialect.ts). */
const tableConfigOf = (dialect: Dialect) =>
  ({ sqlite: sqliteTableConfig, postgres: pgTableConfig })[dialect as TypedDialect];

const sqliteShape = () => shape(Object.values(sqliteSchema).map((table) => tableConfigOf("sqlite")(table)));
const pgShape = () => shape(Object.values(pgSchema).map((table) => tableConfigOf("postgres")(table)));

/** The tables, columns and (named) indexes a migrated database really has. */
async function migratedShape(db: Database): Promise<Shape> {
  const result: Shape = {};
  if (DIALECT === "sqlite") {
    const tables = await rawRows(
      db,
      // The recipient search (migration 0017, by hand) is the counterpart of PostgreSQL's trigram index, left out below.
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'
          and name not like 'sends_recipient_search%'`,
    );
    for (const table of tables) {
      const name = table.name!;
      const columns = await rawRows(db, sql`select name from pragma_table_info(${name})`);
      const indexes = await rawRows(
        db,
        sql`select name from pragma_index_list(${name}) where origin = 'c' and name not like '%_unique'`,
      );
      result[name] = {
        columns: columns.map((c) => c.name!).sort(),
        indexes: indexes.map((i) => i.name!).sort(),
      };
    }
    return result;
  }
  const columns = await rawRows(
    db,
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema()
        and table_name <> '__drizzle_migrations'`,
  );
  for (const row of columns) {
    (result[row.table_name!] ??= { columns: [], indexes: [] }).columns.push(row.column_name!);
  }
  // Named indexes only: primary keys and unique constraints are columns' own, and the trigram index of the
  // recipient search is PostgreSQL's alone (a hand-written migration).
  const indexes = await rawRows(
    db,
    sql`select tablename, indexname from pg_indexes where schemaname = current_schema()
        and indexname not like '%_pkey' and indexname not like '%_unique'
        and indexname <> 'sends_recipient_trgm_idx'`,
  );
  for (const row of indexes) result[row.tablename!]?.indexes.push(row.indexname!);
  for (const table of Object.values(result)) {
    table.columns.sort();
    table.indexes.sort();
  }
  return result;
}

describe("the schema", () => {
  it("has the same tables, columns and indexes for SQLite and PostgreSQL (one definition)", () => {
    expect(pgShape()).toEqual(sqliteShape());
    expect(Object.keys(sqliteShape())).toContain("sends");
  });

  it(`matches what ${DIALECT}'s committed migrations build (run npm run db:generate after a change)`, async () => {
    const db = await testDatabase();
    const expected = DIALECT === "sqlite" ? sqliteShape() : pgShape();
    expect(await migratedShape(db)).toEqual(expected);
  });
});
