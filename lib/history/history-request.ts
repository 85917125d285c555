import "server-only";
import { userOrUnauthorized, type SignedInUser } from "@/lib/auth/session";
import { parseHistoryFilters, type HistoryFilters } from "./filters";
import { apiError } from "@/lib/http/api-error";

/**
 * The common start of every history route: a signed-in user (else 401) and filters that can be read (else 400 naming
 * each one that cannot).
 */
export async function readHistoryRequest(
  request: Request,
): Promise<{ filters: HistoryFilters; params: URLSearchParams; user: SignedInUser } | Response> {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const { filters, errors } = parseHistoryFilters(params);
  if (Object.keys(errors).length > 0) {
    return apiError(400, "Some filters cannot be read", errors);
  }
  return { filters, params, user };
}
