import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "./client";
import { testDatabase } from "@/lib/db/testing";
import { csvCell, csvRecord, exportedVariables } from "@/lib/history/csv";
import { countHistory } from "./history-counts";
import { iterateSends, knownContactNames, listHistoryTemplates, listSends } from "./history-queries";
import { sends } from "./schema";

async function seeded() {
  const db = await testDatabase();
  const base = {
    platform: "whatsapp",
    requestBody: "{}",
    updatedAt: new Date("2026-11-01T00:00:00Z"),
  };
  const rows: (typeof sends.$inferInsert)[] = [
    {
      ...base,
      idempotencyKey: "k1",
      createdAt: new Date("2026-11-01T10:00:00Z"),
      recipient: "+31612345678",
      messageType: "text",
      channelUuid: "c1",
      templateUuid: null,
      templateTitle: null,
      status: "read",
      callbellUuid: "a".repeat(32),
      senderId: "ana",
      senderEmail: "ana@x",
    },
    {
      ...base,
      idempotencyKey: "k2",
      createdAt: new Date("2026-11-02T10:00:00Z"),
      recipient: "+31687654321",
      messageType: "template",
      channelUuid: "c1",
      templateUuid: "t1",
      templateTitle: "Welcome",
      status: "failed",
      callbellUuid: "b".repeat(32),
      senderId: "bo",
      senderEmail: "bo@x",
    },
    {
      ...base,
      idempotencyKey: "k3",
      createdAt: new Date("2026-11-03T10:00:00Z"),
      recipient: "+4915112345678",
      messageType: "template",
      channelUuid: "c2",
      templateUuid: "t1",
      templateTitle: "Welcome",
      status: "delivered",
      callbellUuid: "c".repeat(32),
      senderId: "ana",
      senderEmail: "ana@x",
    },
    {
      ...base,
      idempotencyKey: "k4",
      createdAt: new Date("2026-11-03T23:59:59Z"),
      recipient: "jane_doe",
      platform: "telegram",
      messageType: "image",
      channelUuid: "c3",
      templateUuid: null,
      templateTitle: null,
      status: "failed",
      callbellUuid: null,
      senderId: "bo",
      senderEmail: "bo@x",
    },
  ];
  await db.insert(sends).values(rows);
  return db;
}

const keys = async (db: Database, filters: Parameters<typeof listSends>[1]) =>
  (await listSends(db, filters)).rows.map((row) => row.idempotencyKey);

describe("the filtered history", () => {
  it("filters by each field, newest first", async () => {
    const db = await seeded();
    expect(await keys(db, {})).toEqual(["k4", "k3", "k2", "k1"]);
    expect(await keys(db, { filters: { status: "failed" } })).toEqual(["k4", "k2"]);
    expect(await keys(db, { filters: { type: "template" } })).toEqual(["k3", "k2"]);
    expect(await keys(db, { filters: { platform: "telegram" } })).toEqual(["k4"]);
    expect(await keys(db, { filters: { template: "t1", channel: "c2" } })).toEqual(["k3"]);
    expect(await keys(db, { filters: { sender: "ana" } })).toEqual(["k3", "k1"]);
    expect(await keys(db, { filters: { from: "2026-11-02", to: "2026-11-03" } })).toEqual(["k4", "k3", "k2"]);
    expect(await keys(db, { filters: { to: "2026-11-01" } })).toEqual(["k1"]);
  });

  it("combines a status with every other filter (searched through the status index)", async () => {
    const db = await seeded();
    expect(await keys(db, { filters: { status: "failed", type: "template" } })).toEqual(["k2"]);
    expect(await keys(db, { filters: { status: "failed", platform: "telegram" } })).toEqual(["k4"]);
    expect(await keys(db, { filters: { status: "delivered", template: "t1", channel: "c2" } })).toEqual([
      "k3",
    ]);
    expect(await keys(db, { filters: { status: "failed", sender: "bo", channel: "c1" } })).toEqual(["k2"]);
    expect(await keys(db, { filters: { status: "failed", from: "2026-11-03" } })).toEqual(["k4"]);
    expect(await keys(db, { filters: { status: "failed", to: "2026-11-02" } })).toEqual(["k2"]);
    expect(await keys(db, { filters: { status: "failed", q: "8765" } })).toEqual(["k2"]);
    expect(await keys(db, { filters: { status: "read", sender: "bo" } })).toEqual([]);
  });

  it("searches recipients by digits and uuids exactly, with LIKE's wildcards taken literally", async () => {
    const db = await seeded();
    expect(await keys(db, { filters: { q: "+31 6 1234" } })).toEqual(["k1"]);
    expect(await keys(db, { filters: { q: "12345678" } })).toEqual(["k3", "k1"]);
    expect(await keys(db, { filters: { q: "B".repeat(32) } })).toEqual(["k2"]);
    expect(await keys(db, { filters: { q: "jane_doe" } })).toEqual(["k4"]);
    expect(await keys(db, { filters: { q: "jane%" } })).toEqual([]);
    expect(await keys(db, { filters: { q: "_" } })).toEqual(["k4"]);
    expect(await keys(db, { filters: { q: "JANE" } })).toEqual(["k4"]);
  });

  it("finds a send by the start of its uuid, as the table shows it cut short (hex with a letter; digits are a phone's)", async () => {
    const db = await seeded();
    expect(await keys(db, { filters: { q: "bbbbbb" } })).toEqual(["k2"]);
    expect(await keys(db, { filters: { q: "CCCCCCCC…" } })).toEqual(["k3"]);
    expect(await keys(db, { filters: { q: "bbbbbc" } })).toEqual([]);
    expect((await countHistory(db, { q: "aaaaaaa" })).counts).toEqual({ read: 1 });
  });

  it("finds a recipient changed or removed by its number as it is now (the search index follows the table)", async () => {
    const db = await seeded();
    await db.update(sends).set({ recipient: "+441234999000" }).where(eq(sends.idempotencyKey, "k1"));
    await db.delete(sends).where(eq(sends.idempotencyKey, "k3"));
    expect(await keys(db, { filters: { q: "4999" } })).toEqual(["k1"]);
    expect(await keys(db, { filters: { q: "12345678" } })).toEqual([]);
  });

  it("counts per status for the other filters, and pages with a cursor", async () => {
    const db = await seeded();
    expect((await countHistory(db, { status: "failed", type: "template" })).counts).toEqual({
      failed: 1,
      delivered: 1,
    });
    const first = await listSends(db, { limit: 3 });
    expect(first.rows.map((row) => row.idempotencyKey)).toEqual(["k4", "k3", "k2"]);
    expect(await keys(db, { cursor: first.nextCursor, limit: 3 })).toEqual(["k1"]);
  });

  it("iterates every matching row in batches for the export, and lists the templates used", async () => {
    const db = await seeded();
    const batches: string[][] = [];
    for await (const batch of iterateSends(db, { status: "failed" }, 1))
      batches.push(batch.map((r) => r.recipient));
    expect(batches).toEqual([["jane_doe"], ["+31687654321"]]);
    const all: string[] = [];
    for await (const batch of iterateSends(db, {}, 3)) all.push(...batch.map((r) => r.recipient));
    expect(all).toHaveLength(4);
    expect(await listHistoryTemplates(db)).toEqual([{ uuid: "t1", title: "Welcome" }]);
  });
});

describe("the export's template values", () => {
  it("are read from the stored request by the database", async () => {
    const db = await testDatabase();
    const base = {
      platform: "whatsapp",
      updatedAt: new Date(),
      createdAt: new Date(),
      messageType: "template",
      status: "enqueued" as const,
      recipient: "+31600000000",
    };
    await db.insert(sends).values([
      {
        ...base,
        idempotencyKey: "one",
        templateUuid: "t",
        requestBody: JSON.stringify({ template_uuid: "t", content: { text: "Jo" } }),
      },
      {
        ...base,
        idempotencyKey: "two",
        templateUuid: "t",
        requestBody: JSON.stringify({
          template_uuid: "t",
          content: { text: "Jo" },
          template_values: ["Jo", "42"],
        }),
      },
      {
        ...base,
        idempotencyKey: "text",
        messageType: "text",
        requestBody: JSON.stringify({ content: { text: "Hello" } }),
      },
    ]);
    const rows: string[] = [];
    for await (const batch of iterateSends(db, {})) rows.push(...batch.map(exportedVariables));
    expect(rows).toEqual(["", "Jo | 42", "Jo"]);
  });
});

describe("the history's words for a send", () => {
  it("names a recipient by the contact Callbell told on any send to them, the latest send's name", async () => {
    const db = await testDatabase();
    const base = {
      platform: "whatsapp",
      updatedAt: new Date(),
      createdAt: new Date(),
      messageType: "text",
      status: "enqueued" as const,
      requestBody: "{}",
    };
    await db.insert(sends).values([
      { ...base, idempotencyKey: "a", recipient: "+31600000001", contactName: "Jane Old" },
      { ...base, idempotencyKey: "b", recipient: "+31600000001", contactName: "Jane Customer" },
      { ...base, idempotencyKey: "c", recipient: "+31600000001" },
      { ...base, idempotencyKey: "d", recipient: "+31600000002" },
    ]);
    const names = await knownContactNames(db, ["+31600000001", "+31600000002", "+31600000001"]);
    expect([...names]).toEqual([["+31600000001", "Jane Customer"]]);
    expect(await knownContactNames(db, [])).toEqual(new Map());
  });

  it("exports the message: a text, a caption, a file's name, a template's title with its values", async () => {
    const db = await testDatabase();
    const base = {
      platform: "whatsapp",
      updatedAt: new Date(),
      createdAt: new Date(),
      status: "enqueued" as const,
      recipient: "+31600000000",
    };
    await db.insert(sends).values([
      { ...base, idempotencyKey: "t", messageType: "text", requestBody: '{"content":{"text":"Hi\\nthere"}}' },
      {
        ...base,
        idempotencyKey: "i",
        messageType: "image",
        requestBody: '{"content":{"text":"Look","url":"https://x.test/a.png"}}',
      },
      {
        ...base,
        idempotencyKey: "d",
        messageType: "document",
        requestBody: '{"content":{"url":"https://x.test/files/Invoice%2042.pdf"}}',
      },
      {
        ...base,
        idempotencyKey: "p",
        messageType: "template",
        templateUuid: "t1",
        templateTitle: "Order ready",
        templateValueCount: 2,
        requestBody: JSON.stringify({
          template_uuid: "t1",
          content: { text: "Jo" },
          template_values: ["Jo", "42"],
        }),
      },
    ]);
    const lines: string[] = [];
    for await (const batch of iterateSends(db, {})) lines.push(...batch.map(csvRecord));
    // The message, then replied_at (empty: no reply).
    const messages = lines.map((line) => line.trimEnd().split(",").at(-2));
    expect(messages).toEqual(["Order ready: Jo | 42", "Invoice 42.pdf", "Look", "Hi there"].map(csvCell));
  });
});
