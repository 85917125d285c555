import { describe, expect, it } from "vitest";
import { recordScheduledSend } from "@/lib/db/schedule-queries";
import { findSendById } from "@/lib/db/send-queries";
import { testDatabase } from "@/lib/db/testing";
import { changeScheduledMessage } from "./change-scheduled";

const HOUR = 3_600_000;
const ana = { id: "u-ana", role: "agent" } as const;
const bo = { id: "u-bo", role: "agent" } as const;
const admin = { id: "u-admin", role: "admin" } as const;

async function scheduled() {
  const db = await testDatabase();
  const { row } = await recordScheduledSend(
    db,
    {
      idempotencyKey: `change-key-${Math.random().toString(36).slice(2, 12)}`,
      recipient: "+31612345678",
      platform: "whatsapp",
      messageType: "text",
      channelUuid: "whatsapp-main",
      templateUuid: null,
      templateTitle: null,
      templateValueCount: null,
      requestBody: "{}",
      senderId: ana.id,
      senderEmail: "ana@example.com",
      scheduledFor: new Date(Date.now() + HOUR),
      scheduledZone: "UTC",
      scheduledForm: "{}",
    },
    new Date(),
  );
  return { db, id: row.id };
}

describe("changing a scheduled message", () => {
  it("is for the agent who scheduled it or an admin; another agent is told who may", async () => {
    const { db, id } = await scheduled();
    expect(await changeScheduledMessage(db, bo, id, { kind: "cancel" })).toEqual({
      ok: false,
      message: "Only ana@example.com or an admin can change it.",
    });
    expect((await findSendById(db, id))?.status).toBe("scheduled");
    expect(await changeScheduledMessage(db, admin, id, { kind: "cancel" })).toEqual({
      ok: true,
      message: "Cancelled: it will not be sent.",
    });
    expect(await changeScheduledMessage(db, ana, id, { kind: "send-now" })).toMatchObject({
      ok: false,
      message: "This message is not scheduled any more: it was sent, cancelled or missed.",
    });
  });

  it("takes a new time read in its zone, refuses one in the past and an unknown change", async () => {
    const { db, id } = await scheduled();
    const later = new Date(Date.now() + 2 * HOUR);
    const local = later.toISOString().slice(0, 19);
    expect(await changeScheduledMessage(db, ana, id, { kind: "reschedule", local, zone: "UTC" })).toEqual({
      ok: true,
      message: "New time saved.",
    });
    expect((await findSendById(db, id))?.scheduledFor?.toISOString()).toBe(`${local}.000Z`);
    expect(
      await changeScheduledMessage(db, ana, id, {
        kind: "reschedule",
        local: "2020-01-01T09:00",
        zone: "UTC",
      }),
    ).toEqual({ ok: false, message: "Choose a time in the future (or use Send now)" });
    expect(await changeScheduledMessage(db, ana, id, { kind: "delete" })).toEqual({
      ok: false,
      message: "Unknown change",
    });
  });
});
