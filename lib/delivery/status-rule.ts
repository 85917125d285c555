import type { SendStatus } from "@/lib/db/schema";

/** Callbell's delivery statuses, in the order a message moves through them. */
const PROGRESS: Partial<Record<SendStatus, number>> = { enqueued: 1, sent: 2, delivered: 3, read: 4 };

/** Statuses after which nothing changes: Callbell's failures, a send Callbell refused outright, one never sent. */
export const FINAL_STATUSES = ["failed", "mismatch", "rejected", "not_sent"] as const satisfies SendStatus[];

/** The statuses Callbell reports that Bellhop tracks (`deleted` is deprecated and ignored). */
export const CALLBELL_STATUSES = ["enqueued", "sent", "delivered", "read", "failed", "mismatch"] as const;
export type CallbellStatus = (typeof CALLBELL_STATUSES)[number];

export function isCallbellStatus(value: unknown): value is CallbellStatus {
  return typeof value === "string" && (CALLBELL_STATUSES as readonly string[]).includes(value);
}

export function isFinal(status: SendStatus): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Statuses the poller keeps asking about (within 24 hours of the send): not final, and known to Callbell. */
export const POLLED_STATUSES = ["enqueued", "sent", "delivered"] as const satisfies SendStatus[];

/**
 * The one rule for webhooks and polls: where a send goes when Callbell reports `incoming`, or null for no change.
 * Statuses only move forward (enqueued < sent < delivered < read); failed and mismatch are final; a late `sent` after
 * `read` changes nothing. A send whose outcome was unknown (or still being written) takes any status Callbell
 * reports: Callbell knowing the message proves it was accepted.
 */
export function nextStatus(current: SendStatus, incoming: CallbellStatus): SendStatus | null {
  if (isFinal(current) || current === incoming) return null;
  if (current === "sending" || current === "unknown") return incoming;
  if (incoming === "failed" || incoming === "mismatch") return incoming;
  return (PROGRESS[incoming] ?? 0) > (PROGRESS[current] ?? 0) ? incoming : null;
}
