import "server-only";
import { userOrUnauthorized, type SignedInUser } from "@/lib/auth/session";
import type { RecipientState } from "@/lib/db/schema";
import { parseId } from "@/lib/utils";
import { parseRecipientState } from "./report";
import { apiError } from "@/lib/http/api-error";

/**
 * The common start of a broadcast report route (`/api/broadcasts/<id>/recipients`, `/export`): a signed-in user
 * (else 401), a broadcast id (else 404), and the optional `state` filter.
 */
export async function readReportRequest(
  request: Request,
  params: Promise<{ id: string }>,
): Promise<
  { id: number; state: RecipientState | undefined; search: URLSearchParams; user: SignedInUser } | Response
> {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = parseId((await params).id);
  if (!id) return apiError(404, "No such broadcast");
  const search = new URL(request.url).searchParams;
  return { id, state: parseRecipientState(search.get("state")), search, user };
}
