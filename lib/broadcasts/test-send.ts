import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SignedInUser } from "@/lib/auth/session";
import { normalizeRecipient, recipientProblem } from "@/lib/messages/recipient";
import { sendDependencies } from "@/lib/messages/send-dependencies";
import { sendComposedMessage } from "@/lib/messages/send-message";
import type { TestSendResult } from "./results";
import { broadcastComposeForm } from "./template-form";

const testSchema = z.object({
  phone: z.string().trim().max(40),
  templateUuid: z.string().trim().min(1),
  channelUuid: z.string().trim().max(100),
  values: z.array(z.string().max(2000)).max(100),
  mediaUrl: z.string().max(2000),
  templateHeader: z.enum(["", "image", "video", "document"]),
});

export type TestSendInput = z.input<typeof testSchema>;

/**
 * The wizard's test send: the first recipient's message to a number of the agent's choice, through the compose
 * page's own use-case (so it is validated and lands in the history), outside the broadcast.
 */
export async function sendBroadcastTest(input: unknown, user: SignedInUser): Promise<TestSendResult> {
  const parsed = testSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Choose a template and give the list first." };
  const test = parsed.data;
  if (recipientProblem("whatsapp", test.phone)) {
    return { ok: false, message: "Enter the test number with its country code (+31 6…), or a BSUID" };
  }
  const phone = normalizeRecipient("whatsapp", test.phone);
  const form = broadcastComposeForm({
    ...test,
    to: phone,
    metadata: [{ key: "bellhop_test", value: "broadcast" }],
    idempotencyKey: `test-${randomUUID()}`,
  });
  const result = await sendComposedMessage(form, await sendDependencies({ id: user.id, email: user.email }));
  switch (result.kind) {
    case "enqueued":
      return { ok: true, message: `Test sent to ${phone}: Message enqueued, uuid ${result.uuid}` };
    case "invalid":
      return { ok: false, message: `${result.message}: ${Object.values(result.fieldErrors).join("; ")}` };
    default:
      return { ok: false, message: result.message };
  }
}
