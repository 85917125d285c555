/**
 * Bellhop's HTTP hardening, as pure functions: the proxy applies them to every response, the tests read them.
 * Scripts run only with the per-request nonce (no 'unsafe-inline'); styles may be inline because React sets style
 * attributes; images may come from any https host because the message preview shows the agent's media URL.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { https: boolean; development: boolean },
): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    // The broadcast wizard parses its list in a worker served by Bellhop itself.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export {
  MAX_BROADCAST_BODY_BYTES,
  MAX_REQUEST_BODY_BYTES,
  maxBodyBytes,
  securityHeaders,
} from "./static-headers.mjs";

/**
 * Whether a request comes from a page of this origin. The host is the one Bellhop's edge settled (the Host header,
 * or a trusted proxy's X-Forwarded-Host). With `publicUrl` (BELLHOP_URL) it must also be that address's host, and the
 * `Origin` must be that whole origin, scheme included: a page that a rebinding DNS name points at Bellhop cannot post
 * to it. Without, the `Origin`'s host must equal the request's. A request without `Origin` is refused, unless the
 * browser said `Sec-Fetch-Site: same-origin`: browsers send one with every POST, so only a hand-made request lacks it.
 */
export function isSameOriginRequest(headers: Headers, publicUrl?: string): boolean {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return false;
  let expected: URL | null = null;
  try {
    expected = publicUrl ? new URL(publicUrl) : null;
  } catch {
    return false;
  }
  if (expected && expected.host !== host) return false;
  const origin = headers.get("origin");
  if (!origin && headers.get("sec-fetch-site") === "same-origin") return true;
  if (!origin || origin === "null") return false;
  try {
    const sent = new URL(origin);
    return expected ? sent.origin === expected.origin : sent.host === host;
  } catch {
    return false;
  }
}

/** Behind a TLS-terminating proxy the request itself is plain http; the proxy says what the browser used. */
export function isHttpsRequest(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? url.protocol.replace(":", "")) === "https";
}
