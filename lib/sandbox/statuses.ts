/** How a sandbox message moves through its statuses, as the status endpoint and the webhooks report them. */

export type SandboxMessage = {
  uuid: string;
  /** The recipient: `to`, or the `bsuid` when the send named no `to`. */
  to: string;
  /** The platform it was sent on: only WhatsApp reports delivery statuses. */
  from: string;
  createdAt: number;
  failsLater: boolean;
  /** The provider's ids for the message, as its status payload carries them. */
  providerId: string;
  whatsappMessageId: string;
};

/** When a sandbox message reaches each status, in milliseconds after it was enqueued. */
export const SANDBOX_STATUS_TIMELINE = [
  { status: "sent", afterMs: 2_000 },
  { status: "delivered", afterMs: 4_000 },
  { status: "read", afterMs: 7_000 },
] as const;
export const SANDBOX_FAILURE_AFTER_MS = 3_000;
/** Callbell documents delivery statuses for WhatsApp only: a message on any other platform stays `enqueued`. */
export function sandboxStatusAt(
  message: Pick<SandboxMessage, "from" | "createdAt" | "failsLater">,
  now: number,
) {
  if (message.from !== "whatsapp") return "enqueued";
  const age = now - message.createdAt;
  if (message.failsLater) return age >= SANDBOX_FAILURE_AFTER_MS ? "failed" : "enqueued";
  let status: string = "enqueued";
  for (const step of SANDBOX_STATUS_TIMELINE) if (age >= step.afterMs) status = step.status;
  return status;
}

/** Callbell's status payload: the provider event, with the recipient's number in digits as `destination`. */
export function sandboxStatusPayload(message: SandboxMessage, status: string) {
  const payload =
    status === "failed"
      ? { type: "failed", code: 1002, reason: "Number does not exist on WhatsApp" }
      : { type: "session", whatsappMessageId: message.whatsappMessageId };
  const isPhone = /^\+?[\d\s().-]+$/.test(message.to);
  return {
    id: message.providerId,
    type: status,
    payload,
    destination: isPhone ? message.to.replace(/\D/g, "") : message.to,
  };
}
