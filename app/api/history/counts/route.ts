import { getDb } from "@/lib/db/client";
import { countSendsByStatus } from "@/lib/db/queries";
import { readHistoryRequest } from "@/lib/history/history-request";
import type { HistoryCounts } from "@/lib/history/history-item";

/**
 * `GET /api/history/counts?…filters`: how many sends match, per status (the status filter aside). Separate from the
 * page, so a page never waits for counting, and the counts refresh less often.
 */
export async function GET(request: Request) {
  const read = await readHistoryRequest(request);
  if (read instanceof Response) return read;
  const { filters } = read;
  const body: HistoryCounts = { counts: await countSendsByStatus(await getDb(), filters) };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
