/** Failed sign-ins, per account and per address: the throttle every instance applies counts them here. */
import "server-only";
import { and, count, eq, gt, inArray, lt, max, sql } from "drizzle-orm";
import type { Database, PostgresDatabase } from "./client";
import { forDialect } from "./dialect";
import { signInFailures } from "./schema";

export type SignInFailureCount = { failures: number; last: number | null };
/** Counts the failed sign-ins for `key` since `since`. */
export type CountSignInFailures = (key: string, since: number) => Promise<SignInFailureCount>;

/** Failed sign-ins for `key` since `since`: how many, and when the last was. */
export async function countSignInFailures(
  db: Pick<Database, "select">,
  key: string,
  since: number,
): Promise<SignInFailureCount> {
  const [row] = await db
    .select({ failures: count(), last: max(signInFailures.at) })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, since)));
  return {
    failures: row?.failures ?? 0,
    last: row?.last === null || row?.last === undefined ? null : Number(row.last),
  };
}

export async function recordSignInFailure(db: Database, key: string, at: number) {
  await db.insert(signInFailures).values({ key, at });
}

/** Any number for the advisory lock that makes PostgreSQL's sign-in reservations take turns. */
const SIGN_IN_LOCK = 727_002;

/**
 * Makes the reservations take turns across instances: PostgreSQL's take a lock. SQLite has one instance, whose
 * reservations queue in `reserveSignInAttempt`.
 */
const takeTurns = forDialect({
  sqlite: async (tx: unknown) => void tx,
  postgres: async (tx: Pick<PostgresDatabase, "execute">) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK})`);
  },
});

const reservationQueues = new WeakMap<Database, Promise<unknown>>();

/**
 * Reserves a sign-in attempt before its password is checked: taking turns with every other reservation on the database,
 * `refuse` decides from the failures counted so far, and unless it refuses, the attempt is recorded as a failure under
 * each key at once. Attempts made in parallel thus count each other; a right password releases its reservation.
 */
export async function reserveSignInAttempt<Refusal>(
  db: Database,
  keys: string[],
  at: number,
  refuse: (count: CountSignInFailures) => Promise<Refusal | null>,
): Promise<{ refused: Refusal } | { reserved: number[] }> {
  const reserve = () =>
    db.transaction(async (tx) => {
      await takeTurns(tx);
      const refused = await refuse((key, since) => countSignInFailures(tx, key, since));
      if (refused !== null) return { refused };
      const rows = await tx
        .insert(signInFailures)
        .values(keys.map((key) => ({ key, at })))
        .returning({ id: signInFailures.id });
      return { reserved: rows.map((row) => row.id) };
    });
  // Within a process they queue first: an in-memory SQLite database has one connection, which a second transaction
  // cannot open while the first holds it, and a pool connection per waiting request would be wasted.
  const queued = (reservationQueues.get(db) ?? Promise.resolve()).then(reserve);
  reservationQueues.set(
    db,
    queued.then(
      () => undefined,
      () => undefined,
    ),
  );
  return queued;
}

/** Takes back a reservation: the attempt was not a failure. */
export async function releaseSignInAttempt(db: Database, reserved: number[]) {
  if (reserved.length > 0) await db.delete(signInFailures).where(inArray(signInFailures.id, reserved));
}

export async function deleteSignInFailuresBefore(db: Database, before: number) {
  await db.delete(signInFailures).where(lt(signInFailures.at, before));
}
