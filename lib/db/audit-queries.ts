/**
 * The audit trail's only queries. It is append-only: there is an insert and there are reads, and no update or delete
 * exists (the database refuses them too: triggers in migration 0010 / PostgreSQL's 0005).
 */
import "server-only";
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "./client";
import { auditEntries, type AuditEntryRow, type AuditKind } from "./schema";

export type AuditDetail = Record<string, string | number | boolean | null | Record<string, string>>;

export type NewAuditEntry = {
  kind: AuditKind;
  actorId: string | null;
  actorEmail: string;
  address: string;
  /** What changed, in a few fields; never a token or a password. */
  detail?: AuditDetail;
};

/** Emails are compared lower-cased (accounts are stored so); a tried email is kept as it was lower-cased. */
const emailKey = (email: string) => email.trim().toLowerCase();

// An entry stays short whatever a request carried: a failed sign-in may name any text as its email.
const MAX_EMAIL = 320;
const MAX_ADDRESS = 100;
const MAX_DETAIL = 2_000;

export async function recordAudit(db: Database, entry: NewAuditEntry, at = new Date()): Promise<void> {
  let detail = JSON.stringify(entry.detail ?? {});
  if (detail.length > MAX_DETAIL) detail = JSON.stringify({ truncated: detail.slice(0, MAX_DETAIL - 40) });
  await db.insert(auditEntries).values({
    at,
    kind: entry.kind,
    actorId: entry.actorId,
    actorEmail: emailKey(entry.actorEmail).slice(0, MAX_EMAIL),
    address: entry.address.slice(0, MAX_ADDRESS),
    detail,
  });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { actor?: string; kind?: AuditKind };

/** Entries whose email starts so (`new.agent` finds `new.agent@example.com`); LIKE's wildcards are taken as typed. */
function actorStartsWith(actor: string) {
  const escaped = emailKey(actor).replace(/[\\%_]/g, (character) => `\\${character}`);
  return sql`${auditEntries.actorEmail} like ${`${escaped}%`} escape '\\'`;
}

/**
 * A page of the trail, newest first, keyset-paged by id in both directions: `before` (Older) gives the entries older
 * than that id, `after` (Newer) the ones just newer. `older` and `newer` are the cursors of the neighbouring pages, or
 * null at either end.
 */
export type AuditPage = { rows: AuditEntryRow[]; older: number | null; newer: number | null };

export async function listAuditEntries(
  db: Database,
  options: AuditFilters & { before?: number | null; after?: number | null; limit?: number } = {},
): Promise<AuditPage> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const filters = and(
    options.actor ? actorStartsWith(options.actor) : undefined,
    options.kind ? eq(auditEntries.kind, options.kind) : undefined,
  );
  if (options.after) {
    // The page just newer than `after`: read upwards from it, then show it newest first. When that reaches the newest
    // entry, the newest page is shown instead, full, as a visit without a cursor would show it.
    const rows = await db
      .select()
      .from(auditEntries)
      .where(and(filters, gt(auditEntries.id, options.after)))
      .orderBy(asc(auditEntries.id))
      .limit(limit + 1);
    if (rows.length <= limit) return listAuditEntries(db, { ...options, after: null, before: null });
    const page = rows.slice(0, limit).reverse();
    return { rows: page, newer: page[0]!.id, older: page[page.length - 1]!.id };
  }
  const rows = await db
    .select()
    .from(auditEntries)
    .where(and(filters, options.before ? lt(auditEntries.id, options.before) : undefined))
    .orderBy(desc(auditEntries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const top = page[0]?.id ?? (options.before ? options.before - 1 : null);
  const newerExists =
    options.before && top !== null
      ? (
          await db
            .select({ id: auditEntries.id })
            .from(auditEntries)
            .where(and(filters, gt(auditEntries.id, top)))
            .limit(1)
        ).length > 0
      : false;
  return {
    rows: page,
    older: rows.length > limit ? page[page.length - 1]!.id : null,
    newer: newerExists ? top : null,
  };
}

/** Whether this email has ever signed in successfully from this address (for the sign-in throttle). */
export async function hasSignedInFrom(db: Database, email: string, address: string): Promise<boolean> {
  const rows = await db
    .select({ id: auditEntries.id })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.actorEmail, emailKey(email)),
        eq(auditEntries.kind, "sign-in"),
        eq(auditEntries.address, address),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
