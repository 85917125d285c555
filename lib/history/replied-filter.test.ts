import { describe, expect, it } from "vitest";
import { countHistory } from "@/lib/db/history-counts";
import { iterateSends, listSends } from "@/lib/db/history-queries";
import { sends } from "@/lib/db/schema";
import { testDatabase } from "@/lib/db/testing";
import { parseHistoryFilters } from "./filters";
import { toHistoryItem } from "./history-item";

const base = { platform: "whatsapp", requestBody: "{}", messageType: "text", updatedAt: new Date() };
const day = (n: number) => new Date(`2026-11-0${n}T10:00:00Z`);

async function seeded() {
  const db = await testDatabase();
  await db.insert(sends).values([
    {
      ...base,
      idempotencyKey: "a",
      createdAt: day(1),
      recipient: "+31600000001",
      status: "read",
      repliedAt: day(2),
    },
    { ...base, idempotencyKey: "b", createdAt: day(2), recipient: "+31600000002", status: "read" },
    {
      ...base,
      idempotencyKey: "c",
      createdAt: day(3),
      recipient: "+31600000003",
      status: "delivered",
      messageType: "template",
      repliedAt: day(4),
    },
    { ...base, idempotencyKey: "d", createdAt: day(4), recipient: "+31600000004", status: "failed" },
  ]);
  return db;
}

describe("the Replied filter", () => {
  it("is read from the address among the statuses", () => {
    expect(parseHistoryFilters(new URLSearchParams("status=replied")).filters).toEqual({ status: "replied" });
    expect(parseHistoryFilters(new URLSearchParams("status=answered")).errors.status).toContain("replied");
  });

  it("lists the sends a customer answered, newest first, with the other filters", async () => {
    const db = await seeded();
    const keys = async (filters: Parameters<typeof countHistory>[1]) =>
      (await listSends(db, { filters })).rows.map((row) => row.idempotencyKey);
    expect(await keys({ status: "replied" })).toEqual(["c", "a"]);
    expect(await keys({ status: "replied", type: "template" })).toEqual(["c"]);
    expect(await keys({ status: "replied", to: "2026-11-02" })).toEqual(["a"]);
    const page = await listSends(db, { filters: { status: "replied" }, limit: 1 });
    expect(
      (await listSends(db, { filters: { status: "replied" }, cursor: page.nextCursor })).rows.map(
        (row) => row.idempotencyKey,
      ),
    ).toEqual(["a"]);
  });

  it("is counted apart from the statuses, for the other filters", async () => {
    const db = await seeded();
    expect((await countHistory(db, {})).replied).toBe(2);
    expect((await countHistory(db, { status: "replied", from: "2026-11-02" })).replied).toBe(1);
    expect((await countHistory(db, { status: "replied" })).counts).toEqual({
      read: 2,
      delivered: 1,
      failed: 1,
    });
  });

  it("gives each row and each exported line its reply's time", async () => {
    const db = await seeded();
    const { rows } = await listSends(db, {});
    expect(rows.map((row) => toHistoryItem(row).repliedAt)).toEqual([
      null,
      day(4).toISOString(),
      null,
      day(2).toISOString(),
    ]);
    const exported = [];
    for await (const batch of iterateSends(db, { status: "replied" })) exported.push(...batch);
    expect(exported.map((row) => row.repliedAt)).toEqual([day(4), day(2)]);
  });
});
