import type { RecipientState } from "@/lib/db/constants";

/**
 * The one definition of a broadcast's numbers: every count on every page (the list, the progress, the report's filter
 * and its export) puts a row where `rowOutcome` does, so that no two of them can disagree.
 */
export const ROW_OUTCOMES = ["sent", "failed", "unknown", "cancelled", "waiting"] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/**
 * Each outcome in a sentence, beside the counts: a broadcast's `failed` is wider than the history's `failed` (one of
 * Callbell's delivery statuses), so the pages say which messages it counts.
 */
export const OUTCOME_MEANINGS: Record<RowOutcome, string> = {
  sent: "Callbell accepted the message; the report shows what it said since (sent, delivered, read).",
  failed:
    "Will not reach the customer: Callbell refused it (rejected in the history), it never reached Callbell (not sent), the row was invalid, or Callbell reported it failed.",
  unknown: "It may or may not have gone out: check the conversation in Callbell before sending it again.",
  cancelled: "Not sent: the broadcast was cancelled first.",
  waiting: "Not sent yet.",
};

/** What Callbell has said of a row's message: it failed, it accepted it, or nothing we can count on. */
export const DELIVERY_CLASSES = ["failure", "accepted", "none"] as const;
export type DeliveryClass = (typeof DELIVERY_CLASSES)[number];

/** Callbell's statuses that mean the message will not arrive (lib/delivery/status-rule.ts's failures). */
export const DELIVERY_FAILURES = ["failed", "mismatch"] as const;
/** Callbell's statuses that mean it has the message. */
export const DELIVERY_ACCEPTED = ["enqueued", "sent", "delivered", "read"] as const;

/**
 * A row's outcome by its own state and what Callbell later reported of its message. A row Callbell accepted and then
 * reported failed is failed; a row whose send timed out (`unknown`) is sent once Callbell reports its message, since
 * Callbell knowing it proves it was accepted. Waiting includes a row being sent this instant.
 */
export const OUTCOME_OF: Record<RecipientState, Record<DeliveryClass, RowOutcome>> = {
  waiting: { failure: "waiting", accepted: "waiting", none: "waiting" },
  sending: { failure: "waiting", accepted: "waiting", none: "waiting" },
  enqueued: { failure: "failed", accepted: "sent", none: "sent" },
  failed: { failure: "failed", accepted: "failed", none: "failed" },
  unknown: { failure: "failed", accepted: "sent", none: "unknown" },
  cancelled: { failure: "cancelled", accepted: "cancelled", none: "cancelled" },
};

export function deliveryClass(status: string | null): DeliveryClass {
  if ((DELIVERY_FAILURES as readonly (string | null)[]).includes(status)) return "failure";
  if ((DELIVERY_ACCEPTED as readonly (string | null)[]).includes(status)) return "accepted";
  return "none";
}

export function rowOutcome(state: RecipientState, deliveryStatus: string | null): RowOutcome {
  return OUTCOME_OF[state][deliveryClass(deliveryStatus)];
}

/** A broadcast's rows by outcome; `done` is every row no longer waiting, `total` every row. */
export type RowCounts = Record<RowOutcome, number> & { done: number; total: number };

/** Rows grouped as the database counts them: a state, a delivery status, and how many rows have both. */
export type RowGroup = { state: RecipientState; deliveryStatus: string | null; rows: number };

export function countRows(groups: Iterable<RowGroup>): RowCounts {
  const counts: RowCounts = { sent: 0, failed: 0, unknown: 0, cancelled: 0, waiting: 0, done: 0, total: 0 };
  for (const group of groups) {
    counts[rowOutcome(group.state, group.deliveryStatus)] += group.rows;
    counts.total += group.rows;
  }
  counts.done = counts.total - counts.waiting;
  return counts;
}

/** The sent rows by what Callbell last reported of them (enqueued, sent, delivered, read): they add up to `sent`. */
export function sentByDelivery(groups: Iterable<RowGroup>): Partial<Record<string, number>> {
  const by: Partial<Record<string, number>> = {};
  for (const group of groups) {
    if (rowOutcome(group.state, group.deliveryStatus) !== "sent") continue;
    const status = deliveryClass(group.deliveryStatus) === "accepted" ? group.deliveryStatus! : "enqueued";
    by[status] = (by[status] ?? 0) + group.rows;
  }
  return by;
}

export function parseRowOutcome(value: string | null): RowOutcome | undefined {
  return (ROW_OUTCOMES as readonly (string | null)[]).includes(value) ? (value as RowOutcome) : undefined;
}

/**
 * Whether a row can still change on screen: waiting, or sent and Callbell may still report more (read is the last
 * it reports; a failure, a cancellation or an unknown outcome is final).
 */
export function isRowFinal(state: RecipientState, deliveryStatus: string | null): boolean {
  const outcome = rowOutcome(state, deliveryStatus);
  if (outcome === "waiting") return false;
  return outcome !== "sent" || deliveryStatus === "read";
}
