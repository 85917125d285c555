/**
 * Small pieces of SQL that differ between SQLite and PostgreSQL outside the history (history-sql.ts): the larger of
 * two values, and row locks for rows several instances claim at once.
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
