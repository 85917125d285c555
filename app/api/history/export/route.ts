import { audit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { iterateSends } from "@/lib/db/history-queries";
import { CSV_COLUMNS, csvLine, csvRecord } from "@/lib/history/csv";
import { historySearchParams } from "@/lib/history/filters";
import { readHistoryRequest } from "@/lib/history/history-request";

/**
 * `GET /api/history/export?…filters`: every matching send as CSV, newest first. Streamed in batches of 1,000 rows,
 * so the server never holds the whole history, and the download starts at once.
 */
export async function GET(request: Request) {
  const read = await readHistoryRequest(request);
  if (read instanceof Response) return read;
  const { filters, user } = read;
  const filtersUsed = Object.fromEntries(historySearchParams(filters));
  await audit("export-downloaded", user, { export: "history", filters: filtersUsed }, request.headers);
  const db = await getDb();
  const batches = iterateSends(db, filters);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents, emoji).
      controller.enqueue(encoder.encode(`\ufeff${csvLine([...CSV_COLUMNS])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRecord).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bellhop-history-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
