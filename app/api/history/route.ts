import { historyPage } from "@/lib/history/history-data";
import { readHistoryRequest } from "@/lib/history/history-request";

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
  return Response.json(await historyPage(filters, cursor), { headers: { "Cache-Control": "no-store" } });
}
