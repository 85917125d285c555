import type { SchemaKit } from "../schema-kit";

export function defineClusterTables(k: SchemaKit) {
  /**
   * Named leases with an expiry, for work several instances share: each instance holds `instance:<id>` while it lives
   * (what it has in flight is unknown once that expires), and one instance at a time holds `poller`.
   */
  const leases = k.table("leases", {
    name: k.text("name").primaryKey(),
    holder: k.text("holder").notNull(),
    expiresAt: k.millis("expires_at").notNull(),
  });

  /**
   * Shared paces: the next moment at which a `key` (a broadcast's sends) may start one more, in microseconds since the
   * epoch (lib/db/cluster-queries.ts says why), not in the milliseconds of the other moments.
   */
  const paces = k.table("paces", {
    key: k.text("key").primaryKey(),
    nextAt: k.millis("next_at").notNull(),
  });

  /** Failed sign-ins, per account and per address, for the throttle every instance applies. */
  const signInFailures = k.table(
    "sign_in_failures",
    {
      id: k.id("id"),
      key: k.text("key").notNull(),
      at: k.millis("at").notNull(),
    },
    (table) => [k.index("sign_in_failures_key_idx").on(table.key, table.at)],
  );

  return { leases, paces, signInFailures };
}
