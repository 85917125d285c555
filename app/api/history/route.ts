import { historyPage } from "@/lib/history/history-data";
import { readHistoryRequest } from "@/lib/history/history-request";
import { apiError } from "@/lib/http/api-error";

/** `GET /api/history?status=…&q=…&cursor=…`: one page of the filtered history, newest first. */
export async function GET(request: Request) {
  const read = await readHistoryRequest(request);
  if (read instanceof Response) return read;
  const { filters, params } = read;
  const cursorParam = params.get("cursor");
  const cursor = cursorParam ? Number(cursorParam) : null;
  if (cursor !== null && (!Number.isSafeInteger(cursor) || cursor < 1)) {
    return apiError(400, "The cursor cannot be read", { cursor: "must be a positive whole number" });
  }
  return Response.json(await historyPage(filters, cursor), { headers: { "Cache-Control": "no-store" } });
}
