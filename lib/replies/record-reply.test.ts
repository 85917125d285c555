import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sends } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { countReceivedMessages, listRepliesOfSend } from "@/lib/db/reply-queries";
import { findSendById, recordSendAttempt, recordSendOutcome } from "@/lib/db/send-queries";
import { testDatabase } from "@/lib/db/testing";
import { recordReceivedMessage } from "./record-reply";

const HOUR = 3_600_000;
const T0 = new Date("2026-03-01T10:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

let keys = 0;
async function sendTo(
  db: Database,
  recipient: string,
  createdAt: Date,
  outcome: { status?: "enqueued" | "rejected"; platform?: string } = {},
) {
  const { row } = await recordSendAttempt(
    db,
    {
      idempotencyKey: `reply-test-${(keys += 1)}`,
      recipient,
      platform: outcome.platform ?? "whatsapp",
      messageType: "text",
      channelUuid: null,
      templateUuid: null,
      templateTitle: null,
      templateValueCount: null,
      requestBody: "{}",
      senderId: null,
      senderEmail: null,
    },
    createdAt,
  );
  const status = outcome.status ?? "enqueued";
  await recordSendOutcome(db, row.id, {
    status,
    callbellUuid: status === "enqueued" ? `uuid-${keys}` : null,
  });
  return row.id;
}

const reply = (from: string, writtenAt: Date, extra: Record<string, unknown> = {}) => ({
  to: "15550001000",
  from,
  text: "Yes, please",
  attachments: [],
  status: "received",
  channel: "whatsapp",
  contact: { uuid: `contact-${from}`, phoneNumber: from },
  createdAt: writtenAt.toISOString(),
  ...extra,
});

describe("a reply from a customer", () => {
  it("to a message sent later is linked to it by when it went, not by when it was scheduled", async () => {
    const db = await testDatabase();
    // Scheduled at 0 for 2; another message to the same customer sent at 1; the scheduled one went at 2.
    const later = await sendTo(db, "+15550000201", at(0));
    await db
      .update(sends)
      .set({ scheduledFor: at(2) })
      .where(eq(sends.id, later));
    const between = await sendTo(db, "+15550000201", at(1));
    expect(await recordReceivedMessage(db, reply("15550000201", at(2.1)), at(2.1))).toEqual({
      kind: "linked",
      sendId: later,
    });
    // A reply before it went answers the one sent in between.
    expect(
      await recordReceivedMessage(db, reply("15550000201", at(1.5), { text: "Earlier" }), at(1.5)),
    ).toEqual({
      kind: "linked",
      sendId: between,
    });
    // Scheduled 80 hours ahead: still linked, within 72 hours of when it went.
    const far = await sendTo(db, "+15550000202", at(0));
    await db
      .update(sends)
      .set({ scheduledFor: at(80) })
      .where(eq(sends.id, far));
    expect(await recordReceivedMessage(db, reply("15550000202", at(81)), at(81))).toEqual({
      kind: "linked",
      sendId: far,
    });
  });

  it("is linked to the latest send to that customer within 72 hours, which is marked replied", async () => {
    const db = await testDatabase();
    const older = await sendTo(db, "+15550000200", at(0));
    const latest = await sendTo(db, "+15550000200", at(1));
    await sendTo(db, "+15550000201", at(2));
    const result = await recordReceivedMessage(db, reply("15550000200", at(3)), at(3));
    expect(result).toEqual({ kind: "linked", sendId: latest });
    expect((await findSendById(db, latest))?.repliedAt).toEqual(at(3));
    expect((await findSendById(db, older))?.repliedAt).toBeNull();
    const [kept] = await listRepliesOfSend(db, latest);
    expect(kept).toMatchObject({ kind: "text", text: "Yes, please", fromPhone: "+15550000200" });
    expect(JSON.parse(kept!.payload)).toEqual(reply("15550000200", at(3)));
  });

  it("is linked by BSUID for a customer known by one", async () => {
    const db = await testDatabase();
    const send = await sendTo(db, "US.13491208655302741918", at(0));
    const payload = reply("US.13491208655302741918", at(1), {
      contact: { uuid: "c", phoneNumber: null, bsuid: "US.13491208655302741918" },
    });
    expect(await recordReceivedMessage(db, payload, at(1))).toEqual({ kind: "linked", sendId: send });
  });

  it("is kept and counted, unlinked, when Bellhop wrote to that customer only more than 72 hours before", async () => {
    const db = await testDatabase();
    const old = await sendTo(db, "+15550000200", at(0));
    expect(await recordReceivedMessage(db, reply("15550000200", at(72.01)), at(72.01))).toEqual({
      kind: "unlinked",
    });
    expect(await recordReceivedMessage(db, reply("15550000299", at(1)), at(1))).toEqual({ kind: "unlinked" });
    expect((await findSendById(db, old))?.repliedAt).toBeNull();
    expect(await countReceivedMessages(db)).toEqual({ total: 2, unlinked: 2 });
  });

  it("never answers a send made after the customer wrote, one Callbell refused, or one on another platform", async () => {
    const db = await testDatabase();
    const answered = await sendTo(db, "+15550000200", at(0));
    await sendTo(db, "+15550000200", at(2));
    await sendTo(db, "+15550000200", at(1), { status: "rejected" });
    await sendTo(db, "+15550000200", at(1.5), { platform: "telegram" });
    // Written at 1.8 h, received at 2.5 h, after the later send was made.
    expect(await recordReceivedMessage(db, reply("15550000200", at(1.8)), at(2.5))).toEqual({
      kind: "linked",
      sendId: answered,
    });
  });

  it("takes the moment it was received when Callbell's createdAt is unreadable or ahead of Bellhop's clock", async () => {
    const db = await testDatabase();
    await sendTo(db, "+15550000200", at(0));
    const later = await sendTo(db, "+15550000200", at(1));
    expect(await recordReceivedMessage(db, reply("15550000200", at(9)), at(1.5))).toEqual({
      kind: "linked",
      sendId: later,
    });
    expect((await findSendById(db, later))?.repliedAt).toEqual(at(1.5));
    const unreadable = reply("15550000200", at(0), { createdAt: "yesterday", text: "Again" });
    expect(await recordReceivedMessage(db, unreadable, at(2))).toEqual({ kind: "linked", sendId: later });
  });

  it("is recorded once however often Callbell delivers it; the send keeps the first reply's time", async () => {
    const db = await testDatabase();
    const send = await sendTo(db, "+15550000200", at(0));
    const second = reply("15550000200", at(2), { text: "Also this" });
    await recordReceivedMessage(db, second, at(2));
    expect(await recordReceivedMessage(db, second, at(2.1))).toEqual({ kind: "duplicate" });
    await recordReceivedMessage(db, reply("15550000200", at(1)), at(2.2));
    expect((await findSendById(db, send))?.repliedAt).toEqual(at(1));
    expect((await listRepliesOfSend(db, send)).map((row) => row.text)).toEqual(["Also this", "Yes, please"]);
    expect(await countReceivedMessages(db)).toEqual({ total: 2, unlinked: 0 });
  });
});
