import "server-only";
import { parseCookies } from "better-auth/cookies";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb, type Database } from "@/lib/db/client";
import { findSessionUser } from "@/lib/db/queries";
import type { UserRole } from "@/lib/db/schema";
import { getAuth, SESSION_CONFIG, type Auth } from "./auth";
import { sessionRefreshDue, unsignSessionCookie } from "./session-cookie";
import { apiError } from "@/lib/http/api-error";

export type SignedInUser = { id: string; email: string; name: string; role: UserRole };

/** Who sent this request, from its session cookie; null when nobody is signed in (or the account is disabled). */
export async function currentUser(): Promise<SignedInUser | null> {
  const [auth, db, requestHeaders] = await Promise.all([getAuth(), getDb(), headers()]);
  return userOfRequest(requestHeaders, { auth, db });
}

/**
 * The user behind a request's session cookie. Every request asks, so the usual case (a valid session, not yet due
 * for renewal) is one database read: the signature checked here, the session and its account read together. Any
 * other case (no such session, expired, due for renewal) goes to Better Auth, which also deletes an expired session
 * and extends a due one. The account is read on every request, so disabling it ends its sessions at once.
 */
export async function userOfRequest(
  requestHeaders: Headers,
  deps: { auth: Auth; db: Database },
): Promise<SignedInUser | null> {
  const context = await deps.auth.$context;
  const cookie = parseCookies(requestHeaders.get("cookie") ?? "").get(context.authCookies.sessionToken.name);
  if (cookie === undefined) return null;
  const token = unsignSessionCookie(cookie, context.secret);
  const row = token ? await findSessionUser(deps.db, token) : undefined;
  if (row && !sessionRefreshDue(row.expiresAt, Date.now(), SESSION_CONFIG)) {
    return row.banned ? null : signedInUser({ id: row.userId, ...row });
  }
  const session = await deps.auth.api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  return signedInUser(session.user);
}

function signedInUser(user: { id: string; email: string; name: string; role?: string | null }): SignedInUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "agent" };
}

/**
 * The guard of every page: the check lives in the code that does the work, not in a proxy that a matcher could miss.
 * `from` is where to come back after signing in.
 */
export async function requireUser(from: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(from)}`);
  return user;
}

/** For route handlers: the user, or the 401 to answer with. */
export async function userOrUnauthorized(): Promise<SignedInUser | Response> {
  return (await currentUser()) ?? apiError(401, "Sign in to use Bellhop");
}

/** Admin pages: others (agents) are told the page does not exist. */
export async function requireAdmin(from: string): Promise<SignedInUser> {
  const user = await requireUser(from);
  if (user.role !== "admin") notFound();
  return user;
}
