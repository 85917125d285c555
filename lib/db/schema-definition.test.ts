import { sql } from "drizzle-orm";
import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import type { Database } from "./client";
import { DIALECT } from "./dialect";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema.sqlite";
import { testDatabase } from "./testing";

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

const sqliteShape = () =>
  shape(Object.values(sqliteSchema).map((table) => sqliteTableConfig(table as SQLiteTable)));
const pgShape = () =>
  shape(Object.values(pgSchema).map((table) => pgTableConfig(table as unknown as PgTable)));

/** The tables, columns and (named) indexes a migrated database really has. */
async function migratedShape(db: Database): Promise<Shape> {
  const result: Shape = {};
  if (DIALECT === "sqlite") {
    const tables = await db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
    );
    for (const { name } of tables) {
      const columns = await db.all<{ name: string }>(sql`select name from pragma_table_info(${name})`);
      const indexes = await db.all<{ name: string }>(
        sql`select name from pragma_index_list(${name}) where origin = 'c' and name not like '%_unique'`,
      );
      result[name] = {
        columns: columns.map((c) => c.name).sort(),
        indexes: indexes.map((i) => i.name).sort(),
      };
    }
    return result;
  }
  const execute = (query: ReturnType<typeof sql>) =>
    (db as unknown as { execute: (q: typeof query) => Promise<{ rows: Record<string, string>[] }> }).execute(
      query,
    );
  const columns = await execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema()
        and table_name <> '__drizzle_migrations'`,
  );
  for (const row of columns.rows) {
    (result[row.table_name!] ??= { columns: [], indexes: [] }).columns.push(row.column_name!);
  }
  // Named indexes only: primary keys and unique constraints are columns' own, and the trigram index of the
  // recipient search is PostgreSQL's alone (a hand-written migration).
  const indexes = await execute(
    sql`select tablename, indexname from pg_indexes where schemaname = current_schema()
        and indexname not like '%_pkey' and indexname not like '%_unique'
        and indexname <> 'sends_recipient_trgm_idx'`,
  );
  for (const row of indexes.rows) result[row.tablename!]?.indexes.push(row.indexname!);
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
