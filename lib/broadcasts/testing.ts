import { createBroadcast } from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import { recordSendAttempt } from "@/lib/db/send-queries";
import { testDatabase } from "@/lib/db/testing";
import type { SendResult } from "@/lib/messages/send-result";
import { recipientSendKey } from "./send-recipient";

/** A broadcast as the tests start it: Ana's outage notice on WhatsApp, 10 a second. */
export const OUTAGE_NOTICE: Parameters<typeof createBroadcast>[1] = {
  name: "Outage notice",
  createdById: "u1",
  createdByEmail: "ana@example.com",
  platform: "whatsapp",
  channelUuid: null,
  templateUuid: "t1",
  templateTitle: "Outage",
  templateHeader: "",
  mediaUrl: null,
  ratePerSecond: 10,
  retryOfId: null,
};

/** Callbell's 429, as the send use-case reports it. */
export const RATE_LIMITED: SendResult = {
  kind: "rejected",
  sendId: null,
  status: 429,
  notDelivered: false,
  message: "Too many requests",
  fieldErrors: {},
};

/** What a send records before its request leaves: the row's history entry, `sending` (as `sendRecipient` writes it). */
export async function recordRowSend(db: Database, broadcast: BroadcastRow, row: RecipientRow) {
  const { row: send } = await recordSendAttempt(db, {
    idempotencyKey: recipientSendKey(broadcast.id, row.id),
    recipient: row.phone,
    platform: "whatsapp",
    messageType: "template",
    channelUuid: broadcast.channelUuid,
    templateUuid: broadcast.templateUuid,
    templateTitle: broadcast.templateTitle,
    templateValueCount: 1,
    requestBody: "{}",
    senderId: null,
    senderEmail: null,
    broadcastId: broadcast.id,
    broadcastRowId: row.id,
    attempts: row.attempts,
  });
  return send;
}

/** A fresh database with one running broadcast of `rows` rows (phones `<prefix>0000`, `<prefix>0001`, …). */
export async function broadcastOfRows(rows: number, ratePerSecond = 10, prefix = "+3161000") {
  const db = await testDatabase();
  const broadcast = await createBroadcast(
    db,
    { ...OUTAGE_NOTICE, ratePerSecond },
    Array.from({ length: rows }, (_, index) => ({
      rowNumber: index + 1,
      phone: `${prefix}${String(index).padStart(4, "0")}`,
      values: JSON.stringify([`Customer ${index + 1}`]),
      mediaUrl: null,
    })),
  );
  return { db, broadcast };
}

/** A virtual clock: sleeping moves time on at once, so pacing is measured without waiting. */
export function virtualClock(start = 1_000_000) {
  const clock = {
    time: start,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
      await Promise.resolve();
    },
  };
  return clock;
}

/**
 * A virtual clock whose sleeps run side by side, as timers do: time moves to the earliest sleeper's end once the
 * process has nothing else to do (a real macrotask later), and every sleep ends `lateMs` after its time (or the nth
 * sleep, due at `at`, `lateMs(n, at)` after), as timers on
 * a busy event loop do. Work done in the meantime takes no virtual time, so on PostgreSQL (whose queries are real
 * I/O) time may move on while a query runs: tests that measure a pace with it run on SQLite.
 */
export function timerClock(lateMs: number | ((sleep: number, at: number) => number) = 0, start = 1_000_000) {
  let sleeps = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  let pending = false;
  const clock = {
    time: start,
    now: () => clock.time,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        const due = clock.time + Math.max(0, ms);
        const late = typeof lateMs === "number" ? lateMs : lateMs(sleeps++, due);
        sleepers.push({ at: due + late, wake });
        if (pending) return;
        pending = true;
        setTimeout(advance, 0);
      }),
  };
  function advance() {
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift()!;
    clock.time = Math.max(clock.time, next.at);
    next.wake();
    pending = sleepers.length > 0;
    if (pending) setTimeout(advance, 0);
  }
  return clock;
}
