import { audit } from "@/lib/audit/record";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { listRecipientReport } from "@/lib/db/broadcast-report-queries";
import { REPORT_CSV_COLUMNS, reportCsvLine } from "@/lib/broadcasts/report";
import { readReportRequest } from "@/lib/broadcasts/report-request";
import { getDb } from "@/lib/db/client";
import { csvLine } from "@/lib/history/csv";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/broadcasts/<id>/export?state=…`: the per-recipient report as CSV, streamed 1,000 rows at a time. */
export async function GET(request: Request, context: Context) {
  const read = await readReportRequest(request, context.params);
  if (read instanceof Response) return read;
  const { id, state, user } = read;
  const db = await getDb();
  const broadcast = await findBroadcast(db, id);
  await audit(
    "export-downloaded",
    user,
    { export: "broadcast-report", broadcastId: id, name: broadcast?.name ?? null, state: state ?? null },
    request.headers,
  );
  const encoder = new TextEncoder();
  let after = 0;
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${csvLine([...REPORT_CSV_COLUMNS])}`));
    },
    async pull(controller) {
      if (finished) return;
      const rows = await listRecipientReport(db, id, { outcome: state, afterId: after, limit: 1_000 });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(reportCsvLine).join("")));
      if (rows.length < 1_000) {
        finished = true;
        controller.close();
        return;
      }
      after = rows[rows.length - 1]!.id;
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bellhop-broadcast-${id}${state ? `-${state}` : ""}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
