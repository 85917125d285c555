import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  isHttpsRequest,
  isSameOriginRequest,
  securityHeaders,
} from "@/lib/security/http-headers";
import { getEnv } from "@/lib/env";
import { apiError, type ApiErrorStatus } from "@/lib/http/api-error";

/**
 * Runs before every request (Next requires this file at the top level). It refuses malformed addresses and
 * cross-origin state-changing requests before any action or route code runs, and sets the security headers with a fresh CSP
 * nonce that Next puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  // An address whose escapes do not decode names nothing here; Next would fail on it with a 500.
  const { pathname } = request.nextUrl;
  if (!decodesAsUri(pathname) || (pathname.startsWith("/api/") && AMBIGUOUS_PATH.test(pathname)))
    return refuse(pathname, 400, "Malformed address");
  if (request.method !== "GET" && request.method !== "HEAD") {
    // Bodies without their length, or over their limit, were refused at the edge before Next read any of them
    // (lib/security/gate.mjs).
    // Every state-changing request must come from one of Bellhop's own pages: a server action (with or without
    // JavaScript: a plain form post carries no Next-Action header) and the API alike. Only Callbell's webhook and the
    // sandbox's mount are called from elsewhere, and they check their own credentials.
    if (
      !CALLED_FROM_ELSEWHERE.test(pathname) &&
      !isSameOriginRequest(request.headers, getEnv().BELLHOP_URL)
    ) {
      return refuse(pathname, 403, "Cross-origin request refused");
    }
  }

  // Convenience only: pages check the session themselves. Without a session cookie at all, go straight to sign-in.
  if (needsSignInRedirect(request)) {
    const next = request.nextUrl.pathname + request.nextUrl.search;
    return NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(next)}`, request.url));
  }

  const https = isHttpsRequest(request.nextUrl, request.headers);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // NODE_ENV is fixed by the build, not configuration: development needs eval for React's tooling.
  const csp = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

function decodesAsUri(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Tested only on an address that is not ambiguous (below): it cannot lead anywhere else once decoded. */
const CALLED_FROM_ELSEWHERE = /^\/api\/(webhooks|sandbox)\//;

/**
 * An API address that could name another once decoded: an encoded slash or backslash, a backslash, or a dot segment
 * (plain or encoded). None of Bellhop's addresses has one, and the cross-origin exemption must not be reached by one.
 */
const AMBIGUOUS_PATH = /%2f|%5c|\\|(^|\/)(\.|%2e){1,2}(\/|$)/i;

/**
 * A refusal: in the API's one error shape under `/api` (its `error` field is also where a Callbell client looks, for
 * the sandbox's mount), else text.
 */
function refuse(pathname: string, status: ApiErrorStatus, message: string): Response {
  if (pathname.startsWith("/api/")) return apiError(status, message);
  return new NextResponse(message, { status });
}
const PUBLIC_PAGES = new Set(["/login", "/setup"]);

function needsSignInRedirect(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (request.method !== "GET" || pathname.startsWith("/api/") || PUBLIC_PAGES.has(pathname)) return false;
  if (/\.[a-z0-9]+$/i.test(pathname)) return false; // files in public/
  // Better Auth's own reading of its cookie names (with or without the __Secure- prefix).
  return !getSessionCookie(request);
}

export const config = {
  // Static files carry their headers from next.config.mjs; they need no nonce.
  // Exact names only: a path that merely starts with one (`/favicon.icoX`) still goes through the proxy.
  // Callbell's webhook, in its exact shape only (letters, digits, - and _ after the prefix: no dot, percent, slash or
  // backslash, so it cannot name another address), skips the proxy too: at 200 events a second the proxy's own cost
  // was a third of the webhook's. It needs no nonce or Origin check; the edge refuses bodies by their length for every
  // route (lib/security/gate.mjs); next.config.mjs gives it the static headers. Once the server has started, it is answered
  // in the edge's lane and never reaches Next at all (lib/security/lane.mjs).
  matcher: [
    {
      source:
        "/((?!_next/static/|_next/image$|favicon\\.ico$|icon\\.svg$|api/webhooks/callbell/[A-Za-z0-9_-]+$).*)",
    },
  ],
};
