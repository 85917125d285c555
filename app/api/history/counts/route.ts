import { historyCounts } from "@/lib/history/history-data";
import { readHistoryRequest } from "@/lib/history/history-request";

/**
 * `GET /api/history/counts?…filters`: how many sends match, per status (the status filter aside). Separate from the
 * page, so a page never waits for counting, and the counts refresh less often.
 */
export async function GET(request: Request) {
  const read = await readHistoryRequest(request);
  if (read instanceof Response) return read;
  const { filters } = read;
  return Response.json(await historyCounts(filters), { headers: { "Cache-Control": "no-store" } });
}
