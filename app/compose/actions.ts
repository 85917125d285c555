"use server";

import { currentUser } from "@/lib/auth/session";
import { zonedTimeToUtc } from "@/lib/format/zoned-time";
import { refreshAccountChannels, refreshTemplates } from "@/lib/messages/account-data";
import type { RefreshTemplatesResult } from "@/lib/messages/account-options";
import type { AccountChannels } from "@/lib/messages/channels";
import { sendDependencies } from "@/lib/messages/send-dependencies";
import { scheduleComposedMessage, type ScheduleResult } from "@/lib/messages/send-later";
import { sendComposedMessage } from "@/lib/messages/send-message";
import type { SendResult } from "@/lib/messages/send-result";

/** The answer to a signed-out call: actions are public endpoints, and each checks the session itself. */
const SIGNED_OUT = {
  kind: "invalid",
  message: "You are signed out: sign in again, then send. Your message is kept.",
  fieldErrors: {},
} as const satisfies SendResult;

/** The compose form's send. A public endpoint: the use-case validates everything again. */
export async function sendMessageAction(values: unknown): Promise<SendResult> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  return sendComposedMessage(values, await sendDependencies({ id: user.id, email: user.email }));
}

/**
 * `Send later`: the message checked as a send would be and recorded `scheduled` for `local` (a wall-clock time,
 * `2026-11-28T09:00`) in `zone`. Nothing reaches Callbell until it fires.
 */
export async function scheduleMessageAction(
  values: unknown,
  when: { local: string; zone: string },
): Promise<ScheduleResult> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const zone = typeof when?.zone === "string" ? when.zone : "";
  const at = zonedTimeToUtc(typeof when?.local === "string" ? when.local : "", zone) ?? new Date(NaN);
  return scheduleComposedMessage(
    values,
    { at, zone },
    await sendDependencies({ id: user.id, email: user.email }),
  );
}

/** `Refresh templates`: reads them from Callbell now instead of the server's few-minute cache. */
export async function refreshTemplatesAction(): Promise<RefreshTemplatesResult> {
  if (!(await currentUser())) return { ok: false, message: SIGNED_OUT.message };
  try {
    return { ok: true, ...(await refreshTemplates()) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : "unknown error" };
  }
}

/** `Try again` beside the channels: reads every platform's channels from Callbell now. */
export async function refreshChannelsAction(): Promise<AccountChannels | null> {
  if (!(await currentUser())) return null;
  return refreshAccountChannels();
}
