import { getDb } from "@/lib/db/client";
import { listSends } from "@/lib/db/queries";
import { readHistoryRequest } from "@/lib/history/history-request";
import { toHistoryItem, type HistoryResponse } from "@/lib/history/history-item";

/** `GET /api/history?status=…&q=…&cursor=…`: one page of the filtered history, newest first. */
export async function GET(request: Request) {
  const read = await readHistoryRequest(request);
  if (read instanceof Response) return read;
  const { filters, params } = read;
  const cursorParam = params.get("cursor");
  const cursor = cursorParam ? Number(cursorParam) : null;
  if (cursor !== null && (!Number.isInteger(cursor) || cursor < 1)) {
    return Response.json({ error: "cursor must be a positive whole number" }, { status: 400 });
  }
  const page = await listSends(await getDb(), { cursor, filters });
  const body: HistoryResponse = { items: page.rows.map(toHistoryItem), nextCursor: page.nextCursor };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
