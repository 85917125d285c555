/**
 * Where the history's SQL differs between SQLite and PostgreSQL: index hints, how a moment compares, the recipient
 * search, reading the stored request's JSON, and reading the export's rows. history-queries.ts writes each query once
 * with these.
 */
import "server-only";
import { eq, sql, type Column, type SQL } from "drizzle-orm";
import { DIALECT } from "./dialect";
import { sends } from "./schema";

/**
 * A column that SQLite must not search by its own index: written `+column`, which keeps it on the index it chose
 * (the status index holds every filter column, so reading a narrower index would then read the table for each
 * candidate). PostgreSQL plans for itself, and has no unary plus for text, so there the column stays bare.
 */
export function outsideItsIndex<T extends Column>(column: T): T | SQL {
  return DIALECT === "sqlite" ? sql`+${column}` : column;
}

/** `column = value`, the column kept out of its own index as `outsideItsIndex` does. */
export function equalsOutsideItsIndex(column: Column, value: string): SQL {
  return DIALECT === "sqlite" ? sql`+${column} = ${value}` : eq(column, value);
}

/** A moment for a raw comparison, which the column does not encode: SQLite keeps milliseconds, PostgreSQL a timestamptz. */
export function sqlMoment(date: Date): number | string {
  return DIALECT === "sqlite" ? date.getTime() : date.toISOString();
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Sends whose recipient contains `needle`, without regard to case; `rowwise`: tested on each row as it is read. */
export function recipientContains(needle: string, options: { rowwise?: boolean } = {}): SQL {
  if (DIALECT === "postgres") {
    // The trigram index (migration 0003) finds the matches; ILIKE compares without case, as SQLite's LIKE does.
    return sql`${sends.recipient} ilike ${`%${escapeLike(needle)}%`} escape '\\'`;
  }
  // Digits are found with instr, a plain substring search (LIKE compares without case, which is slower).
  const contains = /^\d+$/.test(needle)
    ? sql`instr(${sends.recipient}, ${needle}) > 0`
    : sql`${sends.recipient} like ${`%${escapeLike(needle)}%`} escape '\\'`;
  if (options.rowwise) return contains;
  // Three characters or more, none of LIKE's own: the trigram index (migration 0017) finds the matches, without case
  // as LIKE. Shorter ones, which a trigram cannot hold, are matched in the (recipient, status) index, far smaller than
  // the table, then fetched by id.
  return needle.length >= 3 && !/[\\%_]/.test(needle)
    ? sql`${sends.id} in (select rowid from sends_recipient_search where recipient like ${`%${needle}%`})`
    : sql`${sends.id} in (select ${sends.id} from ${sends} where ${contains})`;
}

/** `template_values` of a stored request body, as JSON text (null when absent). */
export function storedTemplateValues(body: Column): SQL {
  return DIALECT === "sqlite"
    ? sql`json_extract(${body}, '$.template_values')`
    : sql`(${body}::jsonb -> 'template_values')::text`;
}

/** `content.text` of a stored request body (null when absent). */
export function storedContentText(body: Column): SQL {
  return DIALECT === "sqlite"
    ? sql`json_extract(${body}, '$.content.text')`
    : sql`${body}::jsonb #>> '{content,text}'`;
}

/** `content.url` of a stored request body (null when absent). */
export function storedContentUrl(body: Column): SQL {
  return DIALECT === "sqlite"
    ? sql`json_extract(${body}, '$.content.url')`
    : sql`${body}::jsonb #>> '{content,url}'`;
}

/** A select of the export's columns, as either database's query builder has it (SQLite's also reads raw rows). */
export type RowQuery<Row> = PromiseLike<Row[]> & { values?: () => PromiseLike<ArrayLike<unknown>[]> };

/**
 * Runs a select and returns its rows, named as `names` (the order of its columns). On SQLite the raw rows are named
 * here: drizzle's general row mapping is a large part of the export's time. Raw rows skip the columns' decoding, so
 * the moments named in `moments` (stored as milliseconds) become Dates here (and a null stays null).
 */
export async function readRows<Row>(
  query: RowQuery<Row>,
  names: readonly (keyof Row & string)[],
  moments: readonly (keyof Row & string)[],
): Promise<Row[]> {
  if (DIALECT === "postgres" || !query.values) return await query;
  const raw = await query.values();
  return raw.map((values) => {
    const row: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index += 1) row[names[index]!] = values[index] ?? null;
    for (const name of moments) if (row[name] !== null) row[name] = new Date(Number(row[name]));
    return row as Row;
  });
}
