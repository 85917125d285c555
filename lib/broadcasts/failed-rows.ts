import "server-only";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { listRecipientReport } from "@/lib/db/broadcast-report-queries";
import type { Database } from "@/lib/db/client";
import { plainCsvLine } from "@/lib/history/csv";
import { storedValues } from "./report";

/** A broadcast's failed rows as a new list for the wizard: the same template and channel, and the rows as CSV. */
export type RetryList = { templateUuid: string; channelUuid: string; csv: string; retryOfId: number };

const BATCH = 1_000;

/**
 * The failed rows of broadcast `id` (the failed of row-counts.ts: refused when sent, or reported failed by Callbell
 * later) as the wizard reads a list, with their values exactly as they were sent: a header (`phone`, `1`, `2`, …, and `media_url`
 * when a row has its own), then one line per row. Null when there is no such broadcast.
 */
export async function failedRowsList(db: Database, id: number): Promise<RetryList | null> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const rows = [];
  for (let after = 0; ;) {
    const batch = await listRecipientReport(db, id, { outcome: "failed", afterId: after, limit: BATCH });
    rows.push(...batch.map((row) => ({ ...row, values: storedValues(row.values) })));
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
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
    retryOfId: id,
  };
}
