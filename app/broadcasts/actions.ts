"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { emptyComposeForm } from "@/lib/messages/compose-form";
import { normalizeRecipient, recipientProblem } from "@/lib/messages/recipient";
import { sendDependencies } from "@/lib/messages/send-dependencies";
import { sendComposedMessage } from "@/lib/messages/send-message";

const testSchema = z.object({
  phone: z.string().trim().max(40),
  templateUuid: z.string().trim().min(1),
  channelUuid: z.string().trim().max(100),
  values: z.array(z.string().max(2000)).max(100),
  mediaUrl: z.string().max(2000),
  templateHeader: z.enum(["", "image", "video", "document"]),
});

export type TestSendResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * The wizard's test send: the first recipient's message to a number of the agent's choice, through the compose
 * page's own use-case (so it is validated and lands in the history), outside the broadcast.
 */
export async function sendTestAction(input: unknown): Promise<TestSendResult> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "You are signed out: sign in again, then send the test." };
  const parsed = testSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Choose a template and give the list first." };
  const test = parsed.data;
  if (recipientProblem("whatsapp", test.phone)) {
    return { ok: false, message: "Enter the test number with its country code (+31 6…), or a BSUID" };
  }
  const phone = normalizeRecipient("whatsapp", test.phone);
  const form = emptyComposeForm(`test-${randomUUID()}`);
  const result = await sendComposedMessage(
    {
      ...form,
      to: phone,
      channelUuid: test.channelUuid,
      type: "template",
      templateUuid: test.templateUuid,
      templateHeader: test.templateHeader,
      variables: test.values.map((value) => ({ value })),
      mediaUrls: { ...form.mediaUrls, template: test.mediaUrl },
      optin: true,
      metadata: [{ key: "bellhop_test", value: "broadcast" }],
    },
    await sendDependencies({ id: user.id, email: user.email }),
  );
  switch (result.kind) {
    case "enqueued":
      return { ok: true, message: `Test sent to ${phone}: Message enqueued, uuid ${result.uuid}` };
    case "invalid":
      return { ok: false, message: `${result.message}: ${Object.values(result.fieldErrors).join("; ")}` };
    default:
      return { ok: false, message: result.message };
  }
}
