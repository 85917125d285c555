/**
 * A scheduled message's `Save new time`, `Send now` or `Cancel scheduled message`: by the agent who scheduled it or
 * an admin, and only while it is still scheduled and not being fired (lib/db/schedule-queries.ts).
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/constants";
import { changeScheduledSend, type ScheduleChange } from "@/lib/db/schedule-queries";
import { findSendById } from "@/lib/db/send-queries";
import { readScheduleTime } from "./schedule-time";

export type ScheduleChangeRequest =
  { kind: "reschedule"; local: string; zone: string } | { kind: "send-now" } | { kind: "cancel" };

export type ScheduleChangeResult = { ok: boolean; message: string };

/** Who may change a scheduled message: the agent who scheduled it, or an admin. */
export function mayChangeScheduledSend(
  user: { id: string; role: UserRole },
  send: { senderId: string | null },
): boolean {
  return user.role === "admin" || (send.senderId !== null && send.senderId === user.id);
}

const DONE = {
  reschedule: "New time saved.",
  "send-now": "It goes out now.",
  cancel: "Cancelled: it will not be sent.",
} as const;

export async function changeScheduledMessage(
  db: Database,
  user: { id: string; role: UserRole },
  id: number,
  change: unknown,
  now = Date.now(),
): Promise<ScheduleChangeResult> {
  const send = Number.isSafeInteger(id) ? await findSendById(db, id) : undefined;
  if (!send || send.status !== "scheduled") {
    return {
      ok: false,
      message: "This message is not scheduled any more: it was sent, cancelled or missed.",
    };
  }
  if (!mayChangeScheduledSend(user, send)) {
    return {
      ok: false,
      message: `Only ${send.senderEmail ?? "the agent who scheduled it"} or an admin can change it.`,
    };
  }
  const kind =
    typeof change === "object" && change !== null ? (change as { kind?: unknown }).kind : undefined;
  let applied: ScheduleChange;
  if (kind === "reschedule") {
    const time = readScheduleTime(change, now, "use Send now");
    if ("problem" in time) return { ok: false, message: time.problem };
    applied = { kind: "reschedule", ...time };
  } else if (kind === "send-now" || kind === "cancel") {
    applied = { kind };
  } else {
    return { ok: false, message: "Unknown change" };
  }
  if (!(await changeScheduledSend(db, id, applied)))
    return { ok: false, message: "Too late: it is being sent now." };
  return { ok: true, message: DONE[applied.kind] };
}
