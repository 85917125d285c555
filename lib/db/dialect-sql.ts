/**
 * Small pieces of SQL that differ between SQLite and PostgreSQL outside the history (history-sql.ts): the larger of
 * two values, row locks for rows several instances claim at once, and slices of time to count in.
 */
import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { DIALECT } from "./dialect";

/** The larger of two values: SQLite's two-argument max(), PostgreSQL's greatest(). */
export function greatest(a: SQLWrapper | number, b: SQLWrapper | number): SQL {
  return DIALECT === "sqlite" ? sql`max(${a}, ${b})` : sql`greatest(${a}, ${b})`;
}

/** A select of either query builder; PostgreSQL's can lock the rows it reads. */
export type LockableSelect = SQLWrapper & {
  for?: (strength: "update", config: { skipLocked: true }) => SQLWrapper;
};

/**
 * A subquery that picks a row to claim. PostgreSQL: it locks the row it picks and passes over rows another instance
 * holds (FOR UPDATE SKIP LOCKED), so instances claiming at once take different rows instead of queueing on one and
 * coming back empty. SQLite writes one statement at a time, so it needs nothing.
 */
export function skipLockedRows(query: LockableSelect): SQLWrapper {
  return DIALECT === "postgres" && query.for ? query.for("update", { skipLocked: true }) : query;
}

/**
 * Which slice of `sizeMs` after `startMs` a moment falls in (0, 1, 2…), for counts over time. SQLite keeps a moment as
 * milliseconds; PostgreSQL as a timestamptz, read here as milliseconds since 1970.
 */
export function bucketOf(column: SQLWrapper, startMs: number, sizeMs: number): SQL<number> {
  return DIALECT === "sqlite"
    ? sql<number>`cast((${column} - ${startMs}) / ${sizeMs} as integer)`
    : sql<number>`floor((extract(epoch from ${column}) * 1000 - ${startMs}) / ${sizeMs})::integer`;
}
