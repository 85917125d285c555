import "server-only";
import { userOrUnauthorized, type SignedInUser } from "@/lib/auth/session";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/utils";
import { apiError } from "@/lib/http/api-error";
import { parseRowOutcome, ROW_OUTCOMES, type RowOutcome } from "./row-counts";

/**
 * The common start of a broadcast report route (`/api/broadcasts/<id>/recipients`, `/export`): a signed-in user
 * (else 401), a broadcast that exists (else 404, before anything is read or audited), and the optional `state` filter:
 * a row outcome as every count counts it (row-counts.ts; 400 for anything else, as the history's filters answer).
 */
export async function readReportRequest(
  request: Request,
  params: Promise<{ id: string }>,
): Promise<
  { id: number; state: RowOutcome | undefined; search: URLSearchParams; user: SignedInUser } | Response
> {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = parseId((await params).id);
  if (!id || !(await findBroadcast(await getDb(), id))) return apiError(404, "No such broadcast");
  const search = new URL(request.url).searchParams;
  const stateParam = search.get("state");
  const state = parseRowOutcome(stateParam);
  if (stateParam && !state)
    return apiError(400, "Some fields need attention", { state: `not a state (${ROW_OUTCOMES.join(", ")})` });
  return { id, state, search, user };
}
