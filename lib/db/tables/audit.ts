import { AUDIT_KINDS } from "../constants";
import type { SchemaKit } from "../schema-kit";

export function defineAuditTables(k: SchemaKit) {
  /**
   * The audit trail: who did what, when, from which address. Append-only: Bellhop inserts rows and never updates or
   * deletes one (lib/db/audit-queries.ts has no such query). `detail` is a short JSON object of what changed; it never
   * holds a token or a password.
   */
  const auditEntries = k.table(
    "audit_entries",
    {
      id: k.id("id"),
      at: k.time("at").notNull(),
      kind: k.text("kind", { enum: AUDIT_KINDS }).notNull(),
      /** The account that acted; null for a failed sign-in with an email no account has. */
      actorId: k.text("actor_id"),
      /** The actor's email as it was then, lower-cased (for a failed sign-in: the email that was tried). */
      actorEmail: k.text("actor_email").notNull(),
      /** The client address, as the edge settled it (lib/security/client-address.ts). */
      address: k.text("address").notNull(),
      detail: k.text("detail").notNull().default("{}"),
    },
    (table) => [
      // Newest first is the primary key read backwards; each filter has an index led by its column, then the id.
      k.index("audit_entries_actor_idx").on(table.actorEmail, table.id),
      k.index("audit_entries_kind_idx").on(table.kind, table.id),
      // Has this email signed in from this address before (the sign-in throttle asks on every attempt)?
      k.index("audit_entries_sign_in_idx").on(table.actorEmail, table.kind, table.address),
    ],
  );

  return { auditEntries };
}
