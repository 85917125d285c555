import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hasSignedInFrom, listAuditEntries, recordAudit, type NewAuditEntry } from "./audit-queries";
import type { Database } from "./client";
import { DIALECT } from "./dialect";
import { rawRows, testDatabase } from "./testing";

const entry = (overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  kind: "sign-in",
  actorId: "u1",
  actorEmail: "ana@bellhop.test",
  address: "10.0.0.1",
  ...overrides,
});

/** Runs raw SQL on either database; the database's own refusal (drizzle wraps it as the cause), or null. */
async function refusal(db: Database, query: ReturnType<typeof sql>): Promise<string | null> {
  try {
    await rawRows(db, query);
    return null;
  } catch (error) {
    return String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
  }
}

describe("hasSignedInFrom", () => {
  it("is true only after a successful sign-in of that email from that address", async () => {
    const db = await testDatabase();
    expect(await hasSignedInFrom(db, "ana@bellhop.test", "10.0.0.1")).toBe(false);
    // A failed sign-in, a sign-out, or someone else's sign-in from that address do not make it known.
    await recordAudit(db, entry({ kind: "sign-in-failed", detail: { reason: "wrong-password" } }));
    await recordAudit(db, entry({ kind: "sign-out" }));
    await recordAudit(db, entry({ actorEmail: "bo@bellhop.test" }));
    await recordAudit(db, entry({ address: "10.0.0.2" }));
    expect(await hasSignedInFrom(db, "ana@bellhop.test", "10.0.0.1")).toBe(false);

    await recordAudit(db, entry());
    expect(await hasSignedInFrom(db, "ana@bellhop.test", "10.0.0.1")).toBe(true);
    // Emails compare without case, as accounts do; addresses exactly.
    expect(await hasSignedInFrom(db, "  Ana@Bellhop.TEST ", "10.0.0.1")).toBe(true);
    expect(await hasSignedInFrom(db, "ana@bellhop.test", "10.0.0.10")).toBe(false);
    expect(await hasSignedInFrom(db, "bo@bellhop.test", "10.0.0.2")).toBe(false);
  });

  it("is answered from an index, not by reading the table", async () => {
    const db = await testDatabase();
    const query = sql`select id from audit_entries
      where actor_email = 'a@b' and kind = 'sign-in' and address = '1.2.3.4' limit 1`;
    let plan: string;
    if (DIALECT === "sqlite") {
      plan = (await rawRows(db, sql`explain query plan ${query}`)).map((s) => s.detail).join("\n");
    } else {
      // An empty table is read whole by PostgreSQL's planner; without that choice, it must have an index to use.
      plan = await db.transaction(async (tx) => {
        await rawRows(tx, sql`set local enable_seqscan = off`);
        const rows = await rawRows(tx, sql`explain ${query}`);
        return rows.map((row) => Object.values(row).join(" ")).join("\n");
      });
    }
    expect(plan).toMatch(/audit_entries_sign_in_idx/);
  });
});

describe("the audit trail", () => {
  it("keeps the email lower-cased and an entry short, whatever a request carried", async () => {
    const db = await testDatabase();
    await recordAudit(
      db,
      entry({
        kind: "sign-in-failed",
        actorId: null,
        actorEmail: `  SOMEONE@Example.COM${"x".repeat(1_000)}`,
        address: "a".repeat(500),
        detail: { reason: "x".repeat(5_000) },
      }),
    );
    const [row] = (await listAuditEntries(db)).rows;
    expect(row!.actorEmail).toMatch(/^someone@example\.comx+$/);
    expect(row!.actorEmail.length).toBeLessThanOrEqual(320);
    expect(row!.address.length).toBeLessThanOrEqual(100);
    expect(row!.detail.length).toBeLessThanOrEqual(2_000);
    expect(JSON.parse(row!.detail)).toHaveProperty("truncated");
  });

  it("is append-only: the database refuses to change or delete an entry", async () => {
    const db = await testDatabase();
    await recordAudit(db, entry());
    expect(await refusal(db, sql`update audit_entries set kind = 'sign-out'`)).toMatch(/append-only/);
    expect(await refusal(db, sql`delete from audit_entries`)).toMatch(/append-only/);
    if (DIALECT === "postgres") expect(await refusal(db, sql`truncate audit_entries`)).toMatch(/append-only/);
    const { rows } = await listAuditEntries(db);
    expect(rows.map((row) => row.kind)).toEqual(["sign-in"]);
  });

  it("lists newest first, filtered by person (any case) and by kind", async () => {
    const db = await testDatabase();
    const start = Date.parse("2026-11-01T00:00:00Z");
    const seeds: Partial<NewAuditEntry>[] = [
      { kind: "sign-in", actorEmail: "ana@bellhop.test" },
      { kind: "export-downloaded", actorEmail: "bo@bellhop.test", detail: { export: "history" } },
      { kind: "export-downloaded", actorEmail: "ana@bellhop.test", detail: { export: "history" } },
      { kind: "sign-out", actorEmail: "ana@bellhop.test" },
    ];
    for (const [index, seed] of seeds.entries()) await recordAudit(db, entry(seed), new Date(start + index));

    const all = await listAuditEntries(db);
    expect(all.rows.map((row) => row.kind)).toEqual([
      "sign-out",
      "export-downloaded",
      "export-downloaded",
      "sign-in",
    ]);
    expect(all.rows[0]!.at).toEqual(new Date(start + 3));
    expect(all).toMatchObject({ older: null, newer: null });

    const ana = await listAuditEntries(db, { actor: "ANA@bellhop.test" });
    expect(ana.rows.map((row) => row.kind)).toEqual(["sign-out", "export-downloaded", "sign-in"]);
    const exports = await listAuditEntries(db, { kind: "export-downloaded" });
    expect(exports.rows.map((row) => row.actorEmail)).toEqual(["ana@bellhop.test", "bo@bellhop.test"]);
    const both = await listAuditEntries(db, { actor: "bo@bellhop.test", kind: "export-downloaded" });
    expect(both.rows).toHaveLength(1);
    expect(JSON.parse(both.rows[0]!.detail)).toEqual({ export: "history" });
    expect((await listAuditEntries(db, { actor: "nobody@bellhop.test" })).rows).toEqual([]);
    // The start of an email finds its person (as typed in the field, without the domain); LIKE's wildcards are text.
    expect((await listAuditEntries(db, { actor: "An" })).rows).toHaveLength(3);
    expect((await listAuditEntries(db, { actor: "b" })).rows.map((row) => row.actorEmail)).toEqual([
      "bo@bellhop.test",
    ]);
    expect((await listAuditEntries(db, { actor: "%" })).rows).toEqual([]);
    expect((await listAuditEntries(db, { actor: "_na" })).rows).toEqual([]);
  });

  it("pages by cursor both ways, and Newer from the second page is the newest page again", async () => {
    const db = await testDatabase();
    for (let index = 0; index < 12; index += 1) {
      await recordAudit(db, entry({ kind: index % 2 ? "sign-out" : "sign-in", detail: { n: index } }));
    }
    const numbers = (page: { rows: { detail: string }[] }) =>
      page.rows.map((row) => (JSON.parse(row.detail) as { n: number }).n);

    const first = await listAuditEntries(db, { limit: 5 });
    expect(numbers(first)).toEqual([11, 10, 9, 8, 7]);
    expect(first.newer).toBeNull();
    const second = await listAuditEntries(db, { limit: 5, before: first.older });
    expect(numbers(second)).toEqual([6, 5, 4, 3, 2]);
    const third = await listAuditEntries(db, { limit: 5, before: second.older });
    expect(numbers(third)).toEqual([1, 0]);
    expect(third.older).toBeNull();

    const backToSecond = await listAuditEntries(db, { limit: 5, after: third.newer });
    expect(numbers(backToSecond)).toEqual([6, 5, 4, 3, 2]);
    expect(backToSecond.older).toBe(second.older);
    const backToFirst = await listAuditEntries(db, { limit: 5, after: backToSecond.newer });
    expect(numbers(backToFirst)).toEqual([11, 10, 9, 8, 7]);
    expect(backToFirst.newer).toBeNull();

    // With a filter, the cursors step over the other kinds.
    const signIns = await listAuditEntries(db, { limit: 2, kind: "sign-in" });
    expect(numbers(signIns)).toEqual([10, 8]);
    const olderSignIns = await listAuditEntries(db, { limit: 2, kind: "sign-in", before: signIns.older });
    expect(numbers(olderSignIns)).toEqual([6, 4]);
    expect(olderSignIns.newer).not.toBeNull();
  });
});
