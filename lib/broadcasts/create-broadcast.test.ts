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

  it("starts later, with sending hours: stored scheduled, nothing started, the hours kept", async () => {
    const db = await testDatabase();
    const at = new Date(Date.now() + 60 * 60 * 1000);
    const local = at.toISOString().slice(0, 16);
    const hours = { from: "09:00", to: "20:00", zone: "Europe/Madrid", days: [5, 1, 2] };
    const result = await startWith(db, { ...input, startAt: { local, zone: "UTC" }, sendingHours: hours });
    expect(result).toMatchObject({ ok: true, scheduledFor: `${local}:00.000Z` });
    const [row] = await rawRows(
      db,
      sql`select state, started_at, scheduled_zone, sending_hours from broadcasts`,
    );
    expect(row).toMatchObject({ state: "scheduled", started_at: null, scheduled_zone: "UTC" });
    expect(JSON.parse(String(row!.sending_hours))).toEqual({ ...hours, days: [1, 2, 5] });
  });

  it("refuses a start time in the past and hours that end before they start, next to their fields", async () => {
    const db = await testDatabase();
    const past = await startWith(db, { ...input, startAt: { local: "2020-01-01T09:00", zone: "UTC" } });
    expect(past).toMatchObject({
      ok: false,
      fieldErrors: { startAt: "Choose a time in the future (or choose Start now)" },
    });
    const hours = { from: "20:00", to: "09:00", zone: "Europe/Madrid", days: [] };
    const wrong = await startWith(db, { ...input, sendingHours: hours });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: {
        "sendingHours.to": "The end must be after the start, on the same day",
        "sendingHours.days": "Choose at least one day",
      },
    });
    expect(await broadcastCount(db)).toBe(0);
  });
});
