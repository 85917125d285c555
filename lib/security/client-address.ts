/**
 * The address a request came from, as Bellhop's edge (lib/security/edge.mjs) settled it before Next saw the request:
 * the socket's address, or the one the trusted proxies in front of Bellhop name (BELLHOP_TRUSTED_PROXIES). A client
 * cannot choose it by sending X-Forwarded-For.
 */
export function clientAddress(requestHeaders: Headers): string {
  return requestHeaders.get("x-forwarded-for")?.trim() || "unknown";
}
