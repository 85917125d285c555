import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countRowsByBroadcast, listRecipientReport, rowGroupsOf } from "@/lib/db/broadcast-report-queries";
import { createBroadcast } from "@/lib/db/broadcast-queries";
import { RECIPIENT_STATES, type RecipientState, type SendStatus } from "@/lib/db/constants";
import { broadcastRecipients, sends } from "@/lib/db/schema";
import { testDatabase } from "@/lib/db/testing";
import { reportStatus } from "./report";
import { countRows, isRowFinal, ROW_OUTCOMES, rowOutcome, sentByDelivery } from "./row-counts";
import { OUTAGE_NOTICE, recordRowSend } from "./testing";

describe("a broadcast's numbers, one definition", () => {
  it("counts a row Callbell accepted and later reported failed as failed, not sent", () => {
    expect(rowOutcome("enqueued", "failed")).toBe("failed");
    expect(rowOutcome("enqueued", "mismatch")).toBe("failed");
    expect(rowOutcome("enqueued", "read")).toBe("sent");
    expect(rowOutcome("enqueued", null)).toBe("sent");
  });

  it("counts a send that timed out as sent once Callbell reports its message, and as unknown until then", () => {
    expect(rowOutcome("unknown", "unknown")).toBe("unknown");
    expect(rowOutcome("unknown", "delivered")).toBe("sent");
    expect(rowOutcome("unknown", "failed")).toBe("failed");
  });

  it("counts a row being sent this instant as waiting, and a cancelled row as neither sent nor done-and-sent", () => {
    expect(rowOutcome("sending", null)).toBe("waiting");
    expect(rowOutcome("cancelled", null)).toBe("cancelled");
    expect(
      countRows([
        { state: "enqueued", deliveryStatus: "read", rows: 2 },
        { state: "cancelled", deliveryStatus: null, rows: 4 },
      ]),
    ).toEqual({ sent: 2, failed: 0, unknown: 0, cancelled: 4, waiting: 0, done: 6, total: 6 });
  });

  it("holds a row final once nothing more can change on screen: read, failed, cancelled, unknown", () => {
    expect(isRowFinal("enqueued", "enqueued")).toBe(false);
    expect(isRowFinal("enqueued", "delivered")).toBe(false);
    expect(isRowFinal("waiting", null)).toBe(false);
    expect(isRowFinal("enqueued", "read")).toBe(true);
    expect(isRowFinal("enqueued", "failed")).toBe(true);
    expect(isRowFinal("cancelled", null)).toBe(true);
  });

  it("a failed row shows the word the history shows for its message", () => {
    expect(reportStatus({ state: "failed", deliveryStatus: "rejected" })).toBe("rejected");
    expect(reportStatus({ state: "failed", deliveryStatus: "not_sent" })).toBe("not_sent");
    expect(reportStatus({ state: "enqueued", deliveryStatus: "mismatch" })).toBe("mismatch");
    // Refused before any request (an invalid row) has no message in the history: its outcome is its word.
    expect(reportStatus({ state: "failed", deliveryStatus: null })).toBe("failed");
    expect(reportStatus({ state: "unknown", deliveryStatus: "rejected" })).toBe("unknown");
  });
});

const DELIVERIES: (SendStatus | null)[] = [
  null,
  "enqueued",
  "read",
  "failed",
  "mismatch",
  "rejected",
  "not_sent",
  "unknown",
];

describe("the list, the progress and the report filter count alike", () => {
  it("for every state and delivery status, the filter finds exactly the rows the counts count", async () => {
    const db = await testDatabase();
    const combos = RECIPIENT_STATES.flatMap((state) => DELIVERIES.map((delivery) => ({ state, delivery })));
    const broadcast = await createBroadcast(
      db,
      OUTAGE_NOTICE,
      combos.map((_, index) => ({
        rowNumber: index + 2,
        phone: `+3161000${String(index).padStart(4, "0")}`,
        values: JSON.stringify(["Kim"]),
        mediaUrl: null,
      })),
    );
    const rows = await db.select().from(broadcastRecipients).orderBy(broadcastRecipients.id);
    const expected = new Map<string, string>();
    for (const [index, row] of rows.entries()) {
      const { state, delivery } = combos[index]!;
      let sendId: number | null = null;
      if (delivery) {
        const send = await recordRowSend(db, broadcast, row);
        await db.update(sends).set({ status: delivery }).where(eq(sends.id, send.id));
        sendId = send.id;
      }
      await db
        .update(broadcastRecipients)
        .set({ state: state as RecipientState, sendId })
        .where(eq(broadcastRecipients.id, row.id));
      expected.set(row.phone, rowOutcome(state, delivery));
    }

    const groups = await rowGroupsOf(db, [broadcast.id]);
    const counts = countRows(groups);
    // Callbell's statuses of the sent rows add up to the sent count.
    const bySentStatus = Object.values(sentByDelivery(groups)).reduce((sum = 0, value = 0) => sum + value, 0);
    expect(bySentStatus).toBe(counts.sent);
    expect(counts.total).toBe(combos.length);
    for (const outcome of ROW_OUTCOMES) {
      const filtered = await listRecipientReport(db, broadcast.id, { outcome, limit: 1_000 });
      const phones = [...expected].filter(([, value]) => value === outcome).map(([phone]) => phone);
      expect(
        filtered.map((row) => row.phone),
        outcome,
      ).toEqual(phones);
      expect(counts[outcome], outcome).toBe(phones.length);
      // The status a row shows never contradicts the filter it is found under.
      for (const row of filtered) {
        const shown = reportStatus(row);
        if (outcome === "failed") expect(["failed", "mismatch", "rejected", "not_sent"]).toContain(shown);
        else if (outcome === "sent") expect(["enqueued", "sent", "delivered", "read"]).toContain(shown);
        else expect(shown).toBe(outcome);
      }
    }
    expect(counts.done).toBe(combos.length - counts.waiting);
    // The list counts several broadcasts in one query; one without rows counts zeros.
    const empty = await createBroadcast(db, OUTAGE_NOTICE, []);
    const listed = await countRowsByBroadcast(db, [broadcast.id, empty.id]);
    expect(listed.get(broadcast.id)).toEqual(counts);
    expect(listed.get(empty.id)).toEqual(countRows([]));
    expect(await countRowsByBroadcast(db, [])).toEqual(new Map());
  });
});
