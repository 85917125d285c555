/**
 * What lets several Bellhop instances share one database: each instance's identity and lease, named leases for work
 * one instance at a time does, and shared paces.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "./client";
import { DIALECT } from "./dialect";
import { greatest } from "./dialect-sql";
import { preparedOnce } from "./prepared";
import { leases, paces } from "./schema";
import { processSingleton } from "@/lib/process/state";

/** This process's id among the instances on the database: new at each start. */
export function instanceId(): string {
  return processSingleton("instance-id", () => randomUUID());
}

/** How long an instance counts as alive after its last heartbeat; it renews every few seconds. */
export const INSTANCE_LEASE_MS = 20_000;

const INSTANCE_LEASE_PREFIX = "instance:";
export const instanceLeaseName = (instance: string) => `${INSTANCE_LEASE_PREFIX}${instance}`;

/**
 * Takes the lease `name` for `holder` until `now + ttlMs`, or renews it, unless another holder has it and it has not
 * expired. One statement, so two instances asking at once cannot both get it. True when `holder` now holds it.
 */
export async function acquireLease(
  db: Database,
  name: string,
  holder: string,
  ttlMs: number,
  now = Date.now(),
): Promise<boolean> {
  const rows = await db
    .insert(leases)
    .values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: or(eq(leases.holder, holder), lte(leases.expiresAt, now)),
    })
    .returning({ holder: leases.holder });
  return rows.length > 0;
}

export async function releaseLease(db: Database, name: string, holder: string) {
  await db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder)));
}

/** Forgets leases that ended long ago (instances stopped for good). */
export async function deleteExpiredLeases(db: Database, before: number) {
  await db.delete(leases).where(lt(leases.expiresAt, before));
}

/**
 * "Is the instance that claimed this row gone?", as SQL over a `claimed_by` column. On PostgreSQL, gone means its
 * lease has expired. SQLite is one process's embedded database, so every instance but this one is gone (a restart
 * finds its in-flight rows at once, without waiting for the lease).
 */
export function claimerIsGone(claimedBy: unknown, instance: string, now: number) {
  return DIALECT === "sqlite"
    ? sql`(${claimedBy} is null or ${claimedBy} <> ${instance})`
    : sql`(${claimedBy} is null or (${claimedBy} <> ${instance} and not exists (
        select 1 from ${leases}
        where ${leases.name} = ${INSTANCE_LEASE_PREFIX} || ${claimedBy} and ${leases.expiresAt} > ${now})))`;
}

/**
 * A pace's moments are kept in microseconds: in whole milliseconds, the interval of 300 a second (3.33 ms) would be
 * rounded up to 4, a pace of 250. A pace written in milliseconds by an older Bellhop reads as long past, which the
 * catch-up limit turns into "now"; an older instance beside a newer one would read this one's as far ahead, and wait
 * (docs/deployment.md, "Upgrading to shared paces in microseconds").
 */
const US_PER_MS = 1000;

/** A pace step in the column's unit: now, the interval (rounded up: never faster than the pace), the earliest start. */
function paceStep(options: { intervalMs: number; catchUpMs: number; now?: number }) {
  const now = Math.round((options.now ?? Date.now()) * US_PER_MS);
  const intervalUs = Math.ceil(options.intervalMs * US_PER_MS);
  return { now, intervalUs, earliest: now - Math.floor(options.catchUpMs * US_PER_MS) };
}

/**
 * A shared pace, booked ahead: the next start for `key` is given to the caller whether it has come or not, and the
 * pace moves one `intervalMs` on (from at most `catchUpMs` in the past). One statement, so every caller gets its own
 * slot. Returns the slot's time: the caller waits until then. A caller woken late by a busy process loses nothing
 * (the next slot was booked from this one, not from the time it woke). The broadcasts' dispatcher and the scheduler
 * of messages sent later take their starts from here.
 */
export async function bookPace(
  db: Database,
  key: string,
  options: { intervalMs: number; catchUpMs: number; now?: number },
): Promise<number> {
  const { now, intervalUs, earliest } = paceStep(options);
  const book = preparedOnce(db, "bookPace", () =>
    db
      .insert(paces)
      .values({ key: sql.placeholder("key"), nextAt: sql.placeholder("first") })
      .onConflictDoUpdate({
        target: paces.key,
        set: {
          nextAt: sql`${greatest(paces.nextAt, sql.placeholder("earliest"))} + ${sql.placeholder("interval")}`,
        },
      })
      .returning({ nextAt: paces.nextAt }),
  );
  const [row] = await book.execute({ key, first: now + intervalUs, earliest, interval: intervalUs });
  return (row!.nextAt - intervalUs) / US_PER_MS;
}
