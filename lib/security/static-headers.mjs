// Plain JavaScript: next.config.mjs reads it as well as the proxy (through http-headers.ts).

/**
 * Headers every response carries, static files included: next.config.mjs sets them on the files proxy.ts never sees,
 * and the proxy on everything else (with the rest of `securityHeaders`).
 */
export const STATIC_SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  // Not no-referrer: with it Chromium sends `Origin: null` on a form post, and a sign-in without JavaScript fails.
  // same-origin still tells other sites (media hosts, Callbell's inbox) nothing.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

/**
 * The largest request body Bellhop takes. A compose form is a few kB; anything near this is not one. proxy.ts refuses
 * larger bodies by their length; next.config.mjs gives it to server actions, which catches chunked ones.
 */
export const MAX_REQUEST_BODY_BYTES = 100 * 1024;

/** A broadcast's recipient list is the one large body: 50,000 rows of a phone and a few values. */
export const MAX_BROADCAST_BODY_BYTES = 10 * 1024 * 1024;

/** The body limit of a request: larger only for creating a broadcast. */
export function maxBodyBytes(pathname) {
  return pathname === "/api/broadcasts" ? MAX_BROADCAST_BODY_BYTES : MAX_REQUEST_BODY_BYTES;
}

/** Headers every response carries; HSTS only when the page was reached over https (it would lock out plain http). */
export function securityHeaders({ https }) {
  const headers = {
    ...STATIC_SECURITY_HEADERS,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** The policy of an answer that is no page (JSON, text): nothing in it may load or frame anything. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";
