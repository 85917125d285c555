import { listRecipientReport } from "@/lib/db/broadcast-report-queries";
import { readReportRequest } from "@/lib/broadcasts/report-request";
import { getDb } from "@/lib/db/client";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/broadcasts/<id>/recipients?state=failed&after=<row id>`: the report, 100 rows at a time. */
export async function GET(request: Request, context: Context) {
  const read = await readReportRequest(request, context.params);
  if (read instanceof Response) return read;
  const { id, state, search } = read;
  const after = Number(search.get("after") ?? 0);
  const rows = await listRecipientReport(await getDb(), id, {
    outcome: state,
    afterId: Number.isInteger(after) && after > 0 ? after : undefined,
    limit: 100,
  });
  return Response.json(
    { rows, next: rows.length === 100 ? rows[rows.length - 1]!.id : null },
    { headers: { "Cache-Control": "no-store" } },
  );
}
