import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { UserRole } from "@/lib/db/schema";
import { getAuth } from "./auth";

export type SignedInUser = { id: string; email: string; name: string; role: UserRole };

/** Who sent this request, from its session cookie; null when nobody is signed in (or the account is disabled). */
export async function currentUser(): Promise<SignedInUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session || session.user.banned) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role: role === "admin" ? "admin" : "agent" };
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
  return (
    (await currentUser()) ??
    Response.json(
      { error: "Sign in to use Bellhop" },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    )
  );
}

/** Admin pages: others (agents) are told the page does not exist. */
export async function requireAdmin(from: string): Promise<SignedInUser> {
  const user = await requireUser(from);
  if (user.role !== "admin") notFound();
  return user;
}
