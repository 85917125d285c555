import { userOrUnauthorized } from "@/lib/auth/session";
import { broadcastResults } from "@/lib/broadcasts/broadcast-results";
import { getDb } from "@/lib/db/client";
import { apiError } from "@/lib/http/api-error";
import { repliesKnown } from "@/lib/replies/replies-known";
import { parseId } from "@/lib/utils";

type Context = { params: Promise<{ id: string }> };

/**
 * `GET /api/broadcasts/<id>/results`: sent, delivered, read, replied (null without the webhook) and failed recipients,
 * and sends and replies over time; read again by the page every few seconds.
 */
export async function GET(_request: Request, context: Context) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = parseId((await context.params).id);
  const results = id ? await broadcastResults(await getDb(), id, repliesKnown()) : null;
  return results
    ? Response.json(results, { headers: { "Cache-Control": "no-store" } })
    : apiError(404, "No such broadcast");
}
