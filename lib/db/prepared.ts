/**
 * Queries built once per database handle: drizzle turns a query into SQL on every call, and on a broadcast's hot path
 * (a pace booked, a row claimed, a send recorded and answered, a row finished: six statements a send) that building
 * was an eighth of the server's CPU at 300 sends a second. A prepared query keeps its SQL; each call fills in its
 * placeholders (`sql.placeholder`, or `valueOf` for a value a column encodes).
 */
import "server-only";
import { createHash } from "node:crypto";
import { Param, sql, type Column, type Placeholder, type SQLWrapper } from "drizzle-orm";

type Preparable = { prepare: (...args: never[]) => unknown };

const kept = new WeakMap<object, Map<string, unknown>>();

/**
 * A key's statement name: PostgreSQL keeps a prepared statement per connection under it (63 bytes at most), and the
 * driver refuses one name for two texts. Drawn from the key itself, not counted: Next loads this module more than once,
 * and every copy shares the one connection pool, so a count kept per copy gave one name to two statements.
 */
const statementName = (key: string) =>
  `bellhop_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

/**
 * The query `build` makes, prepared once for `db` under `key` (which names its shape: one key, one SQL text). Its
 * `execute(values)` runs it with the placeholders filled in.
 */
export function preparedOnce<Q extends Preparable>(
  db: object,
  key: string,
  build: () => Q,
): ReturnType<Q["prepare"]> {
  let queries = kept.get(db);
  if (!queries) kept.set(db, (queries = new Map()));
  let query = queries.get(key);
  if (!query) {
    // SQLite's prepare takes no name, PostgreSQL's needs one: the same call serves both.
    query = (build() as unknown as { prepare: (name: string) => unknown }).prepare(statementName(key));
    queries.set(key, query);
  }
  return query as ReturnType<Q["prepare"]>;
}

/**
 * A placeholder compared with `column`, encoded as the column encodes its values (a Date as SQLite's milliseconds): a
 * bare placeholder in a condition is passed to the driver as it is. (In an update's `set`, drizzle does this itself.)
 */
export function valueOf(name: string, column: Column): SQLWrapper {
  return new Param(sql.placeholder(name), column);
}

/**
 * What a prepared insert's `values` or update's `set` writes, typed as `T`: a placeholder for each value given (named
 * as its key; drizzle encodes it as its column does), and a literal null for each null (an encoder cannot take a null
 * placeholder); with `shape`, which names the SQL it makes (an undefined value writes nothing, or the default).
 */
export function writtenValues<T>(values: object): { shape: string; written: T } {
  const given = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    shape: given.map(([key, value]) => (value === null ? `${key}=null` : key)).join(","),
    written: Object.fromEntries(
      given.map(([key, value]) => [key, value === null ? sql`null` : sql.placeholder(key)]),
    ) as T,
  };
}

/**
 * A placeholder for what an insert's `values` or an update's `set` writes to a column, typed as the column's value
 * (drizzle encodes it as the column does). Never null.
 */
export function written<T>(name: string): T {
  return sql.placeholder(name) as Placeholder as T;
}
