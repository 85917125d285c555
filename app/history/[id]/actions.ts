"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { changeScheduledSend, type ScheduleChange } from "@/lib/db/schedule-queries";
import { findSendById } from "@/lib/db/send-queries";
import { zonedTimeToUtc } from "@/lib/format/zoned-time";
import { scheduleProblem } from "@/lib/messages/send-later";

export type ScheduleChangeResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * A scheduled message's `Save time`, `Send now` or `Cancel scheduled message`: by the agent who scheduled it or an
 * admin, and only while it is still scheduled and not being fired (lib/db/schedule-queries.ts).
 */
export async function changeScheduleAction(
  id: number,
  change: { kind: "reschedule"; local: string; zone: string } | { kind: "send-now" } | { kind: "cancel" },
): Promise<ScheduleChangeResult> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "You are signed out: sign in again." };
  const db = await getDb();
  const send = Number.isInteger(id) ? await findSendById(db, id) : undefined;
  if (!send || send.status !== "scheduled") {
    return {
      ok: false,
      message: "This message is not scheduled any more: it was sent, cancelled or missed.",
    };
  }
  if (user.role !== "admin" && send.senderId !== user.id) {
    return {
      ok: false,
      message: `Only ${send.senderEmail ?? "the agent who scheduled it"} or an admin can change it.`,
    };
  }
  let applied: ScheduleChange;
  if (change?.kind === "reschedule") {
    const zone = typeof change.zone === "string" ? change.zone : "";
    const at = zonedTimeToUtc(typeof change.local === "string" ? change.local : "", zone) ?? new Date(NaN);
    const problem = scheduleProblem(at, zone, Date.now());
    if (problem) return { ok: false, message: problem };
    applied = { kind: "reschedule", at, zone };
  } else if (change?.kind === "send-now" || change?.kind === "cancel") {
    applied = { kind: change.kind };
  } else {
    return { ok: false, message: "Unknown change" };
  }
  const changed = await changeScheduledSend(db, id, applied);
  revalidatePath(`/history/${id}`);
  if (!changed) return { ok: false, message: "Too late: it is being sent now." };
  const words = {
    reschedule: "New time saved.",
    "send-now": "It goes out now.",
    cancel: "Cancelled: it will not be sent.",
  };
  return { ok: true, message: words[applied.kind] };
}
