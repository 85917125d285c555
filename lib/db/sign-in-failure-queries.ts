/** Failed sign-ins, per account and per address: the throttle every instance applies counts them here. */
import "server-only";
import { and, count, eq, gt, lt, max } from "drizzle-orm";
import type { Database } from "./client";
import { signInFailures } from "./schema";

/** Failed sign-ins for `key` since `since`: how many, and when the last was. */
export async function countSignInFailures(
  db: Database,
  key: string,
  since: number,
): Promise<{ failures: number; last: number | null }> {
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

export async function deleteSignInFailuresBefore(db: Database, before: number) {
  await db.delete(signInFailures).where(lt(signInFailures.at, before));
}
