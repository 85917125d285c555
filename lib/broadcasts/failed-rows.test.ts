import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createBroadcast } from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { listRecipientReport } from "@/lib/db/broadcast-report-queries";
import { broadcastRecipients, sends } from "@/lib/db/schema";
import { testDatabase } from "@/lib/db/testing";
import { failedRowsList } from "./failed-rows";
import { parseRecipientCsv } from "./parse-csv";
import { reportStatus } from "./report";
import { recordRowSend } from "./testing";

async function broadcastWith(db: Database, rows: { phone: string; values: string[]; mediaUrl?: string }[]) {
  const broadcast = await createBroadcast(
    db,
    {
      name: "Invoices",
      createdById: "u1",
      createdByEmail: "ana@example.com",
      platform: "whatsapp",
      channelUuid: "chan-main",
      templateUuid: "tpl-invoice",
      templateTitle: "Invoice",
      templateHeader: "document",
      mediaUrl: null,
      ratePerSecond: 10,
      retryOfId: null,
    },
    rows.map((row, index) => ({
      rowNumber: index + 2,
      phone: row.phone,
      values: JSON.stringify(row.values),
      mediaUrl: row.mediaUrl ?? null,
    })),
  );
  return broadcast.id;
}

async function fail(db: Database, phone: string) {
  await db.update(broadcastRecipients).set({ state: "failed" }).where(eq(broadcastRecipients.phone, phone));
}

describe("a broadcast's failed rows as a new list", () => {
  it("keeps the template and channel, and lists only the failed rows with their values and media URLs", async () => {
    const db = await testDatabase();
    const id = await broadcastWith(db, [
      { phone: "+31610000001", values: ["Ana", "INV-1"], mediaUrl: "https://example.com/1.pdf" },
      { phone: "+31610000002", values: ["Bo, Jr.", "INV-2"], mediaUrl: "https://example.com/2.pdf" },
      { phone: "+31610000003", values: ["Cy", "INV-3"], mediaUrl: "https://example.com/3.pdf" },
    ]);
    await fail(db, "+31610000002");
    await fail(db, "+31610000003");
    expect(await failedRowsList(db, id)).toEqual({
      templateUuid: "tpl-invoice",
      channelUuid: "chan-main",
      retryOfId: id,
      csv:
        "phone,1,2,media_url\r\n" +
        '+31610000002,"Bo, Jr.",INV-2,https://example.com/2.pdf\r\n' +
        "+31610000003,Cy,INV-3,https://example.com/3.pdf\r\n",
    });
    expect(await failedRowsList(db, id + 1)).toBeNull();
  });
});

/** The row was accepted by Callbell, which later reported its delivery failed. */
async function deliveryFailed(db: Database, broadcastId: number, phone: string) {
  const [row] = await db.select().from(broadcastRecipients).where(eq(broadcastRecipients.phone, phone));
  const send = await recordRowSend(db, (await findBroadcast(db, broadcastId))!, row!);
  await db.update(sends).set({ status: "failed" }).where(eq(sends.id, send.id));
  await db
    .update(broadcastRecipients)
    .set({ state: "enqueued", sendId: send.id })
    .where(eq(broadcastRecipients.id, row!.id));
}

describe("the failed rows sent again", () => {
  it("carry their values exactly: no spreadsheet guard is added to what customers receive", async () => {
    const db = await testDatabase();
    const values = ['=HYPERLINK("https://example.com")', "-5 EUR", "+10% off", "@home; a|b\tc"];
    const id = await broadcastWith(db, [{ phone: "+31610000001", values }]);
    await fail(db, "+31610000001");
    const { list } = parseRecipientCsv((await failedRowsList(db, id))!.csv);
    expect(list.rows).toEqual([["+31610000001", ...values]]);
  });

  it("include rows Callbell reported failed later, as the report shows them and filters them", async () => {
    const db = await testDatabase();
    const id = await broadcastWith(db, [
      { phone: "+31610000001", values: ["Ana"] },
      { phone: "+31610000002", values: ["Bo"] },
      { phone: "+31610000003", values: ["Cy"] },
    ]);
    await fail(db, "+31610000001");
    await deliveryFailed(db, id, "+31610000002");
    expect((await failedRowsList(db, id))!.csv).toBe("phone,1\r\n+31610000001,Ana\r\n+31610000002,Bo\r\n");
    const failed = await listRecipientReport(db, id, { outcome: "failed" });
    expect(failed.map((row) => [row.phone, reportStatus(row)])).toEqual([
      ["+31610000001", "failed"],
      ["+31610000002", "failed"],
    ]);
    expect((await listRecipientReport(db, id, { outcome: "sent" })).map((row) => row.phone)).toEqual([]);
    expect((await listRecipientReport(db, id, { outcome: "waiting" })).map((row) => row.phone)).toEqual([
      "+31610000003",
    ]);
  });
});
