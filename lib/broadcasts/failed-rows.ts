import "server-only";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { listRecipientReport } from "@/lib/db/broadcast-report-queries";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { plainCsvLine } from "@/lib/history/csv";
import { storedValues } from "./report";

/**
 * Rows of a broadcast as a new list for the wizard: the same template and channel, and the rows as CSV. `retryOfId`:
 * the broadcast whose failed rows these are (null for a follow-up of rows that did not read or reply).
 */
export type RetryList = { templateUuid: string; channelUuid: string; csv: string; retryOfId: number | null };

const BATCH = 1_000;

type ListedRow = Pick<RecipientRow, "id" | "phone" | "values" | "mediaUrl">;

/** Every row `page` gives, a batch at a time after the last row id read. */
export async function readAllRows(page: (afterId: number) => Promise<ListedRow[]>): Promise<ListedRow[]> {
  const rows: ListedRow[] = [];
  for (let after = 0; ;) {
    const batch = await page(after);
    rows.push(...batch);
    if (batch.length < BATCH) return rows;
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * Rows as the wizard reads a list, with their values exactly as they were sent: a header (`phone`, `1`, `2`, …, and
 * `media_url` when a row has its own), then one line per row.
 */
export function rowsList(
  broadcast: Pick<BroadcastRow, "templateUuid" | "channelUuid">,
  listed: ListedRow[],
  retryOfId: number | null,
): RetryList {
  const rows = listed.map((row) => ({ ...row, values: storedValues(row.values) }));
  const width = Math.max(0, ...rows.map((row) => row.values.length));
  const withMedia = rows.some((row) => row.mediaUrl);
  const header = [
    "phone",
    ...Array.from({ length: width }, (_, index) => String(index + 1)),
    ...(withMedia ? ["media_url"] : []),
  ];
  const lines = rows.map((row) =>
    plainCsvLine([row.phone, ...row.values, ...(withMedia ? [row.mediaUrl] : [])]),
  );
  return {
    templateUuid: broadcast.templateUuid,
    channelUuid: broadcast.channelUuid ?? "",
    csv: plainCsvLine(header) + lines.join(""),
    retryOfId,
  };
}

/**
 * The failed rows of broadcast `id` (the failed of row-counts.ts: refused when sent, or reported failed by Callbell
 * later) as a new list. Null when there is no such broadcast.
 */
export async function failedRowsList(db: Database, id: number): Promise<RetryList | null> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const rows = await readAllRows((afterId) =>
    listRecipientReport(db, id, { outcome: "failed", afterId, limit: BATCH }),
  );
  return rowsList(broadcast, rows, id);
}

export { BATCH as ROWS_BATCH };
