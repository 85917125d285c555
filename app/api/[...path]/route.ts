import { apiError } from "@/lib/http/api-error";

/**
 * Any `/api/…` address Bellhop does not have: a 404 in the API's one error shape (not the HTML page), the same as the
 * webhook's answer to a wrong secret.
 */
function notFound() {
  return apiError(404, "Not found");
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
