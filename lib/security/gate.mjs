// The edge's gate: what is refused before Next reads a request. Next keeps up to 10 MB of a request's body in memory
// before proxy.ts runs, so a body refused by its length must be refused here, before any of it is read: a few dozen
// connections declaring large bodies would otherwise hold hundreds of megabytes.
import { maxBodyBytes, NON_PAGE_CSP, securityHeaders } from "./static-headers.mjs";

/** Methods the Fetch API refuses to build a request with: Next fails on them with a 500 and a stack in the log. */
const UNSERVED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * Why a request is refused at the edge, or null: a target that is not an address (`*`, which Next fails on with a
 * 500), a method Next cannot serve (`TRACE`, also a 500), a body without its length (chunked: every client Bellhop serves, browsers, Callbell and curl -d, sends one),
 * or a body over the limit of its address.
 */
export function gateRefusal({ method, url, headers }) {
  if (!url?.startsWith("/")) return { status: 400, code: "bad_request", message: "Malformed address" };
  if (UNSERVED_METHODS.has(method)) {
    return { status: 405, code: "method_not_allowed", message: "Method not allowed" };
  }
  if (headers["transfer-encoding"] !== undefined && headers["content-length"] === undefined) {
    return { status: 411, code: "length_required", message: "Send the body with a Content-Length" };
  }
  const pathname = url.split("?")[0];
  if (Number(headers["content-length"] ?? 0) > maxBodyBytes(pathname)) {
    return { status: 413, code: "too_large", message: "Request body too large" };
  }
  return null;
}

/**
 * Answers a refusal: in the API's one error shape under `/api/` (lib/http/api-error.ts), else as text, with the
 * headers every response carries. Node reads what is left of the body and drops it: none of it is kept.
 */
export function answerRefusal(request, response, { status, code, message }) {
  const api = request.url?.startsWith("/api/");
  const body = api ? JSON.stringify({ error: message, code }) : message;
  response.writeHead(status, {
    ...securityHeaders({ https: request.headers["x-forwarded-proto"] === "https" }),
    "Content-Security-Policy": NON_PAGE_CSP,
    "Cache-Control": "no-store",
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}
