import "server-only";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { FOLLOW_UPS, listFollowUpRows, type FollowUp } from "@/lib/db/broadcast-results-queries";
import type { Database } from "@/lib/db/client";
import { readAllRows, rowsList, ROWS_BATCH, type RetryList } from "./failed-rows";
import { FOLLOW_UP_AFTER_MINUTES } from "./follow-up";

export { FOLLOW_UPS, type FollowUp };

/**
 * `New broadcast from rows that did not read / did not reply`: the rows of broadcast `id` whose message went at least
 * `afterMinutes` ago and has not been read (an answer counts as read), or not answered, by `now`, as a new list with
 * their values as first sent. Rows whose message went later are left out: it is too early to tell. Null when there is
 * no such broadcast, or the wait is not one of the offered ones.
 */
export async function followUpRowsList(
  db: Database,
  id: number,
  which: FollowUp,
  afterMinutes: number,
  now = new Date(),
): Promise<RetryList | null> {
  if (!FOLLOW_UP_AFTER_MINUTES.some((minutes) => minutes === afterMinutes)) return null;
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const sentBefore = new Date(now.getTime() - afterMinutes * 60_000);
  const rows = await readAllRows((afterId) =>
    listFollowUpRows(db, id, { which, sentBefore, afterId, limit: ROWS_BATCH }),
  );
  return rowsList(broadcast, rows, null);
}
