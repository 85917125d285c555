"use server";

import { currentUser } from "@/lib/auth/session";
import { controlBroadcast } from "@/lib/broadcasts/control";
import type { ControlResult, TestSendResult } from "@/lib/broadcasts/results";
import { sendBroadcastTest } from "@/lib/broadcasts/test-send";

/** The wizard's test send (see `sendBroadcastTest`). */
export async function sendTestAction(input: unknown): Promise<TestSendResult> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "You are signed out: sign in again, then send the test." };
  return sendBroadcastTest(input, user);
}

/**
 * Pause, resume, cancel, start now or reschedule (`when`: the new start time) from the broadcast's page: its creator or
 * an admin only, as through the API.
 */
export async function controlBroadcastAction(
  id: unknown,
  action: unknown,
  when?: unknown,
): Promise<ControlResult> {
  const user = await currentUser();
  if (!user) return { kind: "signed-out", message: "You are signed out: sign in again, then try again." };
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    return { kind: "not-found", message: "No such broadcast" };
  }
  return controlBroadcast(user, id, action, undefined, when);
}
