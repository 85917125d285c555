import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rawRows, testDatabase } from "@/lib/db/testing";
import type { Database } from "@/lib/db/client";
import { DIALECT } from "@/lib/db/dialect";
import { createBroadcastFromInput } from "./create-broadcast";

const input = {
  templateUuid: "tpl-order-ready",
  channelUuid: "chan-main",
  csv: "phone,name\n+31612345678,Kim\n",
  mapping: { phone: 0, values: [1], mediaUrl: null },
  optin: true,
  idempotencyKey: "start-key-0001",
};

const startWith = (db: Database, body: object, creatorId = "u1") =>
  createBroadcastFromInput(body, {
    db,
    templates: [
      {
        uuid: "tpl-order-ready",
        title: "Order ready",
        text: "Hi {{1}}",
        templateType: "text",
        category: "UTILITY",
        status: "approved",
      },
    ],
    channels: [{ uuid: "chan-main", title: "Main", type: "whatsapp", main: true }],
    creator: { id: creatorId, email: "agent@bellhop.test" },
  });

const broadcastCount = async (db: Database) =>
  Number((await rawRows(db, sql`select count(*) as n from broadcasts`))[0]!.n);

describe("createBroadcastFromInput", () => {
  it("refuses to name as retried a broadcast that does not exist (the page and the audit trail would say so)", async () => {
    const result = await createBroadcastFromInput(
      { ...input, retryOfId: 999_999_999 },
      {
        db: await testDatabase(),
        templates: [],
        channels: [{ uuid: "chan-main", title: "Main", type: "whatsapp", main: true }],
        creator: { id: "u1", email: "agent@bellhop.test" },
      },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { retryOfId: "There is no broadcast 999999999 to retry" },
    });
  });

  it("answers a repeated start (a double submit, a retry) with the broadcast the first made, and stores no second", async () => {
    const db = await testDatabase();
    const first = await startWith(db, input);
    expect(first).toMatchObject({ ok: true, repeated: false, recipients: 1 });
    const again = await startWith(db, input);
    expect(again).toMatchObject({ ok: true, repeated: true, recipients: 1 });
    expect(again.ok && first.ok && again.id).toBe(first.ok && first.id);
    expect(await broadcastCount(db)).toBe(1);
    // A new confirmation (a new key) is a new broadcast.
    expect(await startWith(db, { ...input, idempotencyKey: "start-key-0003" })).toMatchObject({
      repeated: false,
    });
    expect(await broadcastCount(db)).toBe(2);
  });

  // An in-memory SQLite database has one connection, which a transaction holds: it cannot store two at once.
  it.skipIf(DIALECT === "sqlite")("stores one broadcast for starts with one key sent at once", async () => {
    const db = await testDatabase();
    const together = await Promise.all(
      [1, 2, 3].map(() => startWith(db, { ...input, idempotencyKey: "start-key-0002" })),
    );
    expect(together.filter((result) => result.ok && !result.repeated)).toHaveLength(1);
    expect(new Set(together.map((result) => result.ok && result.id)).size).toBe(1);
    expect(await broadcastCount(db)).toBe(1);
  });

  it("refuses another agent's key; a start without a key (a script's) always starts a broadcast", async () => {
    const db = await testDatabase();
    const { idempotencyKey: _, ...keyless } = input;
    void _;
    await startWith(db, input);
    expect(await startWith(db, input, "u2")).toMatchObject({
      ok: false,
      fieldErrors: { idempotencyKey: expect.any(String) },
    });
    expect(await startWith(db, keyless)).toMatchObject({ ok: true, repeated: false });
    expect(await startWith(db, keyless)).toMatchObject({ ok: true, repeated: false });
    expect(await broadcastCount(db)).toBe(3);
  });
});
