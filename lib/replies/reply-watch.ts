import { ANSWERABLE_STATUSES } from "@/lib/db/reply-queries";
import type { SendRow } from "@/lib/db/schema";

/** How long after a send its page keeps looking for a reply by itself: most customers who answer do so soon. */
export const WATCH_FOR_REPLY_MS = 60 * 60 * 1000;

/** Whether a send's page should read itself again for a reply: Callbell has the message, and it is recent. */
export function watchesForReply(send: Pick<SendRow, "status" | "createdAt">, now = Date.now()): boolean {
  return (
    ANSWERABLE_STATUSES.some((status) => status === send.status) &&
    now - send.createdAt.getTime() < WATCH_FOR_REPLY_MS
  );
}
