import { userOrUnauthorized } from "@/lib/auth/session";
import { listRecipientReport } from "@/lib/db/broadcast-queries";
import { REPORT_CSV_COLUMNS, parseRecipientState, reportCsvLine } from "@/lib/broadcasts/report";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/utils";
import { csvLine } from "@/lib/history/csv";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/broadcasts/<id>/export?state=…`: the per-recipient report as CSV, streamed 1,000 rows at a time. */
export async function GET(request: Request, context: Context) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = parseId((await context.params).id);
  if (!id) return Response.json({ message: "No such broadcast" }, { status: 404 });
  const state = parseRecipientState(new URL(request.url).searchParams.get("state"));
  const db = await getDb();
  const encoder = new TextEncoder();
  let after = 0;
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${csvLine([...REPORT_CSV_COLUMNS])}`));
    },
    async pull(controller) {
      if (finished) return;
      const rows = await listRecipientReport(db, id, { state, afterId: after, limit: 1_000 });
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
