"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import {
  changeScheduledMessage,
  type ScheduleChangeRequest,
  type ScheduleChangeResult,
} from "@/lib/messages/change-scheduled";

/** A scheduled message's change from its detail page (the rules: `changeScheduledMessage`). */
export async function changeScheduleAction(
  id: number,
  change: ScheduleChangeRequest,
): Promise<ScheduleChangeResult> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "You are signed out: sign in again." };
  const result = await changeScheduledMessage(await getDb(), user, id, change);
  revalidatePath(`/history/${id}`);
  return result;
}
