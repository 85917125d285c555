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
