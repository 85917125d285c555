/**
 * Send later (issue 22): a compose message checked now, exactly as a send would be, recorded `scheduled`, and checked
 * and built again when it fires (a template may have been disabled, a channel removed, the token changed).
 */
import "server-only";
import type { SendRow } from "@/lib/db/schema";
import { isTimeZone } from "@/lib/format/zoned-time";
import {
  recordScheduledSend,
  settleClaimedScheduledSend,
  startScheduledSend,
} from "@/lib/db/schedule-queries";
import type { ComposeFormValues } from "./compose-form";
import { closedWindowReason } from "./fire-window";
import { deliverSend, prepareSend, type SendDependencies } from "./send-message";
import type { ScheduleResult, SendResult } from "./send-result";

export type { ScheduleResult };

/** The earliest a message may be scheduled ahead (sooner is a send), and the latest (WhatsApp templates change). */
export const SCHEDULE_MIN_AHEAD_MS = 10_000;
export const SCHEDULE_MAX_AHEAD_MS = 90 * 24 * 60 * 60 * 1000;

/** What is wrong with a time to send at, in the words shown under the field; null when it can be scheduled. */
export function scheduleProblem(at: Date, zone: string, now: number): string | null {
  if (!isTimeZone(zone)) return "Choose a time zone from the list";
  if (Number.isNaN(at.getTime())) return "Choose a date and a time";
  if (at.getTime() < now + SCHEDULE_MIN_AHEAD_MS) return "Choose a time in the future (or use Send message)";
  if (at.getTime() > now + SCHEDULE_MAX_AHEAD_MS) return "Choose a time within the next 90 days";
  return null;
}

/**
 * Checks the message as a send would, then records it `scheduled` for `at` (UTC; `zone` is the agent's, for showing
 * it). Nothing reaches Callbell now. A repeated idempotency key answers with the row already recorded.
 */
export async function scheduleComposedMessage(
  input: unknown,
  when: { at: Date; zone: string },
  deps: SendDependencies,
  now = Date.now(),
): Promise<ScheduleResult> {
  const problem = scheduleProblem(when.at, when.zone, now);
  if (problem) return { kind: "invalid", message: problem, fieldErrors: { sendAt: problem } };
  const prepared = await prepareSend(input, deps);
  if (!prepared.ok) return prepared.result;
  const { row } = await recordScheduledSend(
    deps.db,
    {
      ...prepared.record,
      scheduledFor: when.at,
      scheduledZone: when.zone,
      scheduledForm: JSON.stringify(prepared.form),
    },
    new Date(now),
  );
  return {
    kind: "scheduled",
    sendId: row.id,
    at: (row.scheduledFor ?? when.at).toISOString(),
    zone: row.scheduledZone ?? when.zone,
  };
}

/**
 * How a fired message leaves at the scheduler's pace: `ready` (the row moved to `sending`) runs just before its slot,
 * and the request leaves as soon as `depart` answers; undefined from `ready` (cancelled meanwhile) sends nothing.
 */
export type Departure = <T>(ready: () => Promise<T | undefined>) => Promise<T | undefined>;

/** What firing one claimed message came to. */
export type FireOutcome =
  | { kind: "sent"; result: SendResult }
  | { kind: "refused"; message: string }
  | { kind: "retry"; message: string }
  | { kind: "gone" };

/**
 * Fires a scheduled message this instance claimed: its form checked and built again, then sent once. A form that is
 * no longer valid, or a free-form WhatsApp message whose 24-hour window has closed, is `not_sent` with the reason; a
 * check that could not be made (Callbell's lists unreadable) puts it back, to fire on a later tick (or be missed after
 * the late limit). `gone`: an agent cancelled it meanwhile. Once checked, it leaves at the scheduler's pace (`depart`).
 */
export async function fireScheduledSend(
  row: SendRow,
  deps: SendDependencies,
  depart: Departure = (ready) => ready(),
): Promise<FireOutcome> {
  const stored = JSON.parse(row.scheduledForm ?? "null") as ComposeFormValues | null;
  const sender = row.senderId ? { id: row.senderId, email: row.senderEmail ?? "" } : null;
  const prepared = stored
    ? await prepareSend({ ...stored, idempotencyKey: row.idempotencyKey }, { ...deps, sender })
    : null;
  if (!prepared || !prepared.ok) {
    const result = prepared?.result;
    if (result?.kind === "rejected" && result.notDelivered) {
      await settleClaimedScheduledSend(deps.db, row.id, { retry: true });
      return { kind: "retry", message: result.message };
    }
    const reasons = result && "fieldErrors" in result ? Object.values(result.fieldErrors) : [];
    const message =
      `Not sent at its time: ${result?.message ?? "its form could not be read"}` +
      (reasons.length > 0 ? ` (${reasons.join("; ")})` : "");
    await settleClaimedScheduledSend(deps.db, row.id, { refused: message });
    return { kind: "refused", message };
  }
  const { request, record, form } = prepared;
  const closed = await closedWindowReason(request, deps.client, row.scheduledZone ?? "UTC", Date.now());
  if (closed) {
    await settleClaimedScheduledSend(deps.db, row.id, { refused: closed });
    return { kind: "refused", message: closed };
  }
  // Moved to `sending` just before its slot in the scheduler's pace; the request leaves at the slot.
  const started = await depart(() =>
    startScheduledSend(deps.db, row.id, {
      requestBody: record.requestBody,
      recipient: record.recipient,
      channelUuid: record.channelUuid,
      templateUuid: record.templateUuid,
      templateTitle: record.templateTitle,
      templateValueCount: record.templateValueCount,
    }),
  );
  if (!started) return { kind: "gone" };
  return { kind: "sent", result: await deliverSend(deps, started, request, form) };
}
