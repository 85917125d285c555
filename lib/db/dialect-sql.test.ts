import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DIALECT } from "./dialect";
import { skipLockedRows } from "./dialect-sql";
import { broadcastRecipients } from "./schema";
import { testDatabase } from "./testing";

describe("skipLockedRows", () => {
  it(`locks the row a claim picks and skips locked ones on PostgreSQL only (here ${DIALECT})`, async () => {
    const db = await testDatabase();
    const next = db
      .select({ id: broadcastRecipients.id })
      .from(broadcastRecipients)
      .where(eq(broadcastRecipients.state, "waiting"))
      .limit(1);
    const claim = db
      .select()
      .from(broadcastRecipients)
      .where(sql`${broadcastRecipients.id} = (${skipLockedRows(next)})`)
      .toSQL().sql;
    if (DIALECT === "postgres") expect(claim).toContain("for update skip locked");
    else expect(claim).not.toMatch(/for update/i);
    expect(
      await db
        .select()
        .from(broadcastRecipients)
        .where(sql`${broadcastRecipients.id} = (${skipLockedRows(next)})`),
    ).toEqual([]);
  });
});
