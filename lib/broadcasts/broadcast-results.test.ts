import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listRecipients } from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import {
  broadcastRecipients,
  sends,
  type BroadcastRow,
  type RecipientRow,
  type SendStatus,
} from "@/lib/db/schema";
import { recordSendAttempt, recordSendOutcome } from "@/lib/db/send-queries";
import { recordReceivedMessage } from "@/lib/replies/record-reply";
import { broadcastResults } from "./broadcast-results";
import { followUpRowsList } from "./follow-up-rows";
import { broadcastRates } from "./rates";
import { recipientSendKey } from "./send-recipient";
import { broadcastOfRows } from "./testing";

const T0 = new Date("2026-03-01T10:00:00Z").getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** A row sent at `second`, then reported `status` by Callbell; `rejected`: Callbell refused it (the row failed). */
async function sendRow(
  db: Database,
  broadcast: BroadcastRow,
  row: RecipientRow,
  second: number,
  status: SendStatus,
) {
  const { row: send } = await recordSendAttempt(
    db,
    {
      idempotencyKey: recipientSendKey(broadcast.id, row.id),
      recipient: row.phone,
      platform: "whatsapp",
      messageType: "template",
      channelUuid: null,
      templateUuid: broadcast.templateUuid,
      templateTitle: broadcast.templateTitle,
      templateValueCount: 1,
      requestBody: "{}",
      senderId: null,
      senderEmail: null,
      broadcastId: broadcast.id,
      broadcastRowId: row.id,
    },
    at(second),
  );
  const accepted = status !== "rejected";
  const callbellUuid = accepted ? `u${row.id}` : null;
  await recordSendOutcome(db, send.id, { status: accepted ? "enqueued" : "rejected", callbellUuid });
  if (accepted) await db.update(sends).set({ status }).where(eq(sends.id, send.id));
  await db
    .update(broadcastRecipients)
    .set({ state: accepted ? "enqueued" : "failed", sendId: send.id, callbellUuid })
    .where(eq(broadcastRecipients.id, row.id));
}

/**
 * Six rows: 0 read and answered 30 s later, 1 delivered, 2 sent (10 s after the others), 3 refused, 4 read, 5 not
 * sent yet.
 */
async function campaign() {
  const { db, broadcast } = await broadcastOfRows(6);
  const rows = await listRecipients(db, broadcast.id);
  const statuses: SendStatus[] = ["read", "delivered", "sent", "rejected", "read"];
  for (const [index, status] of statuses.entries()) {
    await sendRow(db, broadcast, rows[index]!, index === 2 ? 10 : 0, status);
  }
  const reply = {
    from: rows[0]!.phone.slice(1),
    text: "Yes, please",
    status: "received",
    channel: "whatsapp",
    createdAt: at(30).toISOString(),
  };
  expect(await recordReceivedMessage(db, reply, at(31))).toMatchObject({ kind: "linked" });
  return { db, broadcast, rows };
}

describe("a broadcast's results", () => {
  it("count sent, delivered, read, replied and failed recipients, and sends and replies over time", async () => {
    const { db, broadcast } = await campaign();
    const results = await broadcastResults(db, broadcast.id, true);
    expect(results).toMatchObject({ recipients: 6, sent: 4, delivered: 3, read: 2, replied: 1, failed: 1 });
    // 30 s from the first send to the reply: one-second slices, the running totals at each slice's end.
    const timeline = results!.timeline!;
    expect(timeline).toMatchObject({ startMs: T0, sliceMs: 1_000 });
    expect(timeline.sent).toHaveLength(31);
    expect([timeline.sent[0], timeline.sent[9], timeline.sent[10], timeline.sent[30]]).toEqual([3, 3, 4, 4]);
    expect([timeline.replied[29], timeline.replied[30]]).toEqual([0, 1]);
  });

  it("give the list its read and replied rows, by broadcast", async () => {
    const { db, broadcast } = await campaign();
    expect(await broadcastRates(db, [broadcast.id, broadcast.id + 1], true)).toEqual(
      new Map([
        [broadcast.id, { read: 2, replied: 1 }],
        [broadcast.id + 1, { read: 0, replied: 0 }],
      ]),
    );
    expect((await broadcastRates(db, [broadcast.id], false)).get(broadcast.id)).toEqual({
      read: 2,
      replied: null,
    });
  });

  it("leave replies unknown without the webhook, rather than count none", async () => {
    const { db, broadcast } = await campaign();
    const results = await broadcastResults(db, broadcast.id, false);
    expect(results?.replied).toBeNull();
    expect(results?.timeline?.replied.every((value) => value === 0)).toBe(true);
    expect(results?.timeline?.sent).toHaveLength(11);
  });
});

describe("a new broadcast from rows that did not read or reply", () => {
  const phones = (list: { csv: string } | null) =>
    list?.csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);

  it("holds the sent rows not read (an answer counts as read), or not answered, with their values", async () => {
    const { db, broadcast, rows } = await campaign();
    const now = at(3_600);
    const unread = await followUpRowsList(db, broadcast.id, "unread", 0, now);
    expect(phones(unread)).toEqual([rows[1]!.phone, rows[2]!.phone]);
    expect(unread).toMatchObject({ templateUuid: broadcast.templateUuid, retryOfId: null });
    expect(unread!.csv.split("\r\n")[0]).toBe("phone,1");
    const unreplied = await followUpRowsList(db, broadcast.id, "unreplied", 0, now);
    expect(phones(unreplied)).toEqual([rows[1]!.phone, rows[2]!.phone, rows[4]!.phone]);
  });

  it("leaves out rows whose message went less than the chosen time ago, and takes only the offered waits", async () => {
    const { db, broadcast, rows } = await campaign();
    const unreplied = await followUpRowsList(db, broadcast.id, "unreplied", 60, at(3_605));
    expect(phones(unreplied)).toEqual([rows[1]!.phone, rows[4]!.phone]);
    expect(await followUpRowsList(db, broadcast.id, "unreplied", 61, at(3_605))).toBeNull();
    expect(await followUpRowsList(db, broadcast.id + 1, "unreplied", 60, at(3_605))).toBeNull();
  });
});
