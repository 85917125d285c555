import "server-only";
import type { Database } from "@/lib/db/client";
import { findSendByCallbellUuid, findSendById } from "@/lib/db/send-queries";
import {
  insertStatusEvent,
  listStatusEvents,
  markStatusEventApplied,
  updateSendStatus,
} from "@/lib/db/status-event-queries";
import type { SendRow, SendStatus } from "@/lib/db/schema";
import { failureReason } from "./failure-reason";
import { isCallbellStatus, nextStatus, type CallbellStatus } from "./status-rule";

export type StatusReport = {
  callbellUuid: string;
  status: CallbellStatus;
  /** The raw event (webhook payload or status response), kept as it came. */
  payload: unknown;
  source: "webhook" | "poll";
};

export type RecordResult =
  | { kind: "duplicate" }
  | { kind: "unmatched" }
  | { kind: "recorded"; sendId: number; status: SendStatus; changed: boolean };

function reasonFor(status: SendStatus, payload: unknown): string | null {
  if (status === "failed") return failureReason(payload) ?? "Callbell gave no reason";
  if (status === "mismatch") return failureReason(payload) ?? "WhatsApp corrected the recipient's number";
  return null;
}

/** Applies one status to a send by the rule, retrying when another event moved the send in between. */
async function applyStatus(
  db: Database,
  send: SendRow,
  incoming: CallbellStatus,
  payload: unknown,
  eventId: number,
  now: Date,
): Promise<{ status: SendStatus; changed: boolean }> {
  let current: SendRow | undefined = send;
  for (let attempt = 0; attempt < 5 && current; attempt += 1) {
    const to = nextStatus(current.status, incoming);
    if (!to) return { status: current.status, changed: false };
    if (
      await updateSendStatus(
        db,
        current.id,
        { from: current.status, to, reason: reasonFor(to, payload) },
        now,
      )
    ) {
      await markStatusEventApplied(db, eventId);
      return { status: to, changed: true };
    }
    current = await findSendById(db, send.id);
  }
  return { status: current?.status ?? send.status, changed: false };
}

/**
 * One status from Callbell, by webhook or poll: kept as an event (a repeated (uuid, status) is dropped), then applied
 * to its send by the one rule. An event for a uuid not known yet waits: `applyPendingStatusEvents` picks it up.
 */
export async function recordStatusReport(
  db: Database,
  report: StatusReport,
  now = new Date(),
): Promise<RecordResult> {
  const eventId = await insertStatusEvent(db, {
    callbellUuid: report.callbellUuid,
    status: report.status,
    source: report.source,
    receivedAt: now,
    payload: JSON.stringify(report.payload ?? null),
  });
  if (eventId === null) return { kind: "duplicate" };
  const send = await findSendByCallbellUuid(db, report.callbellUuid);
  if (!send) return { kind: "unmatched" };
  const applied = await applyStatus(db, send, report.status, report.payload, eventId, now);
  return { kind: "recorded", sendId: send.id, ...applied };
}

/** Once a send has its uuid: the events that arrived before it (a webhook faster than Callbell's answer). */
export async function applyPendingStatusEvents(
  db: Database,
  sendId: number,
  callbellUuid: string,
  now = new Date(),
) {
  for (const event of await listStatusEvents(db, callbellUuid)) {
    if (event.applied || !isCallbellStatus(event.status)) continue;
    const send = await findSendById(db, sendId);
    if (!send) return;
    await applyStatus(db, send, event.status, JSON.parse(event.payload) as unknown, event.id, now);
  }
}
