import "server-only";
import { countReadByBroadcast, countRepliedByBroadcast } from "@/lib/db/broadcast-results-queries";
import type { Database } from "@/lib/db/client";

/** What the broadcast list compares campaigns by: rows read and rows answered; `replied` null without the webhook. */
export type BroadcastRates = { read: number; replied: number | null };

/** The read and replied rows of several broadcasts (two counts in indexes, however long their lists), by id. */
export async function broadcastRates(
  db: Database,
  ids: number[],
  repliesKnown: boolean,
): Promise<Map<number, BroadcastRates>> {
  const [read, replied] = await Promise.all([
    countReadByBroadcast(db, ids),
    repliesKnown ? countRepliedByBroadcast(db, ids) : null,
  ]);
  return new Map(
    ids.map((id) => [id, { read: read.get(id) ?? 0, replied: replied ? (replied.get(id) ?? 0) : null }]),
  );
}
