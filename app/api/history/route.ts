import { userOrUnauthorized } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listSends } from "@/lib/db/queries";
import { toHistoryItem, type HistoryResponse } from "@/lib/history/history-item";

export async function GET(request: Request) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const cursorParam = new URL(request.url).searchParams.get("cursor");
  const cursor = cursorParam ? Number(cursorParam) : null;
  if (cursor !== null && (!Number.isInteger(cursor) || cursor < 1)) {
    return Response.json({ error: "cursor must be a positive whole number" }, { status: 400 });
  }
  const page = await listSends(await getDb(), { cursor });
  const body: HistoryResponse = { items: page.rows.map(toHistoryItem), nextCursor: page.nextCursor };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
