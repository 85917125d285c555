import { describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/db/testing";
import { countHistory, sampleWindows, type CountLimits } from "./history-counts";
import { sends, type SendStatus } from "./schema";

const STATUSES: SendStatus[] = ["read", "read", "delivered", "failed"];
const DAY = 86_400_000;
const FIRST_DAY = Date.parse("2026-11-01T08:00:00Z");

/** `rows` sends, 100 a day from 1 November: read, read, delivered, failed in turn; every other one a template. */
async function history(rows: number) {
  const db = await testDatabase();
  const values = Array.from({ length: rows }, (_, i) => ({
    idempotencyKey: `k${i}`,
    createdAt: new Date(FIRST_DAY + Math.floor(i / 100) * DAY + (i % 100) * 1000),
    updatedAt: new Date(FIRST_DAY),
    recipient: `+3161${String(i).padStart(7, "0")}`,
    platform: "whatsapp",
    messageType: i % 2 === 0 ? "template" : "text",
    requestBody: "{}",
    status: STATUSES[i % 4]!,
    repliedAt: i % 10 === 0 ? new Date(FIRST_DAY) : null,
  }));
  for (let i = 0; i < values.length; i += 250) await db.insert(sends).values(values.slice(i, i + 250));
  return db;
}

/** Small enough for a test to pass the limit: exact up to 100 sends, past it 10 runs of 40 ids. */
const SMALL: CountLimits = { exactUpTo: 100, windows: 10, windowIds: 40 };

describe("the history's counts per status", () => {
  it("are exact while no more sends match than the limit, the status filter aside", async () => {
    const db = await history(40);
    expect(await countHistory(db, {}, SMALL)).toEqual({
      counts: { read: 20, delivered: 10, failed: 10 },
      replied: 4,
      exact: true,
    });
    expect(await countHistory(db, { status: "failed", type: "template" }, SMALL)).toEqual({
      counts: { read: 10, delivered: 10 },
      replied: 4,
      exact: true,
    });
    // Several filters at once (read through the status index on SQLite).
    expect(
      await countHistory(db, { type: "template", from: "2026-11-01", platform: "whatsapp" }, SMALL),
    ).toEqual({
      counts: { read: 10, delivered: 10 },
      replied: 4,
      exact: true,
    });
  });

  it("are exact up to the limit itself, and estimated one send past it", async () => {
    const db = await history(101);
    expect((await countHistory(db, {}, { ...SMALL, exactUpTo: 101 })).exact).toBe(true);
    expect((await countHistory(db, {}, SMALL)).exact).toBe(false);
  });

  it("past the limit, are estimated from runs of ids spread over the whole history", async () => {
    const db = await history(2_000);
    const { counts, replied, exact } = await countHistory(db, {}, SMALL);
    expect(exact).toBe(false);
    expect(counts.read).toBeCloseTo(1_000, -2);
    expect(counts.delivered).toBeCloseTo(500, -2);
    expect(counts.failed).toBeCloseTo(500, -2);
    expect(replied).toBeCloseTo(200, -2);
  });

  it("estimate with the other filters applied to the sample", async () => {
    const db = await history(2_000);
    const { counts, exact } = await countHistory(db, { type: "template", q: "3161" }, SMALL);
    expect(exact).toBe(false);
    expect(counts.read).toBeCloseTo(500, -2);
    expect(counts.delivered).toBeCloseTo(500, -2);
    expect(counts.failed).toBeUndefined();
  });

  it("estimate a date filter from the sends within its dates only", async () => {
    const db = await history(2_000);
    // Days 16 to 20 of 20: 500 sends.
    const { counts, exact } = await countHistory(db, { from: "2026-11-16" }, SMALL);
    expect(exact).toBe(false);
    const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
    expect(total).toBeGreaterThanOrEqual(450);
    expect(total).toBeLessThanOrEqual(550);
  });
});

describe("the sample's runs of ids", () => {
  it("are the whole span when it is short, else evenly spaced runs within it", () => {
    expect(sampleWindows([5, 300], SMALL)).toEqual([[5, 300]]);
    const windows = sampleWindows([1, 2_000], SMALL);
    expect(windows).toHaveLength(10);
    expect(windows[0]).toEqual([1, 40]);
    expect(windows[1]).toEqual([201, 240]);
    expect(windows[9]).toEqual([1_801, 1_840]);
  });
});
