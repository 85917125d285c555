import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { testDatabase } from "@/lib/db/testing";
import { session, user } from "@/lib/db/schema";
import { createAuth, SESSION_CONFIG, type Auth } from "./auth";
import { userOfRequest } from "./session";
import { sessionRefreshDue, unsignSessionCookie } from "./session-cookie";

const SECRET = "a-test-secret-that-is-long-enough-for-hmac";
const COOKIE = "better-auth.session_token";
const DAY = 24 * 60 * 60 * 1000;

let db: Database;
let auth: Auth;

beforeAll(async () => {
  db = await testDatabase();
  auth = createAuth(db, { secret: SECRET, baseURL: "http://localhost:3000" });
});

const signed = (token: string, secret = SECRET) =>
  encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
const request = (cookie?: string) => new Headers(cookie ? { cookie } : {});

/** An account with a password and a signed-in session, made through Better Auth itself. */
async function signedInAccount(email: string) {
  const context = await auth.$context;
  const created = await context.internalAdapter.createUser(
    { email, name: email.split("@")[0]!, role: "agent", emailVerified: true },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: await context.password.hash("correct-horse-battery"),
  });
  const { headers } = await auth.api.signInEmail({
    body: { email, password: "correct-horse-battery" },
    returnHeaders: true,
  });
  const setCookie = headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!; // "better-auth.session_token=<value>"
  const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)).split(".")[0]!;
  return { userId: created.id, cookie, token };
}

/** Better Auth's own answer, for comparison. */
async function betterAuthUser(headers: Headers) {
  const found = await auth.api.getSession({ headers });
  return found && !found.user.banned ? found.user.id : null;
}

describe("the session cookie", () => {
  it("reads the token from the cookie Better Auth sets, and refuses any other signature", async () => {
    const { cookie, token } = await signedInAccount("cookie@bellhop.test");
    const value = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
    expect(unsignSessionCookie(value, SECRET)).toBe(token);
    expect(unsignSessionCookie(value, "another-secret")).toBeNull();
    expect(unsignSessionCookie(`${token}x.${value.split(".")[1]}`, SECRET)).toBeNull();
    // Base64 decoding would skip a stray character; the comparison is of the text.
    const [, signature] = value.split(".");
    expect(
      unsignSessionCookie(`${token}.${signature!.slice(0, 10)}!${signature!.slice(10)}`, SECRET),
    ).toBeNull();
    expect(unsignSessionCookie(token, SECRET)).toBeNull();
    expect(unsignSessionCookie("", SECRET)).toBeNull();
    expect(unsignSessionCookie(undefined, SECRET)).toBeNull();
  });

  it("is due for renewal a day after it was last extended", () => {
    const now = Date.UTC(2026, 10, 25);
    const expiresAt = (extendedAgo: number) => new Date(now - extendedAgo + SESSION_CONFIG.expiresIn * 1000);
    expect(sessionRefreshDue(expiresAt(DAY - 1000), now, SESSION_CONFIG)).toBe(false);
    expect(sessionRefreshDue(expiresAt(DAY), now, SESSION_CONFIG)).toBe(true);
    expect(sessionRefreshDue(new Date(now - 1), now, SESSION_CONFIG)).toBe(true); // expired
  });
});

describe("the user of a request", () => {
  it("is the account behind a valid session, as Better Auth says", async () => {
    const { userId, cookie } = await signedInAccount("valid@bellhop.test");
    const betterAuth = vi.spyOn(auth.api, "getSession");
    const found = await userOfRequest(request(cookie), { auth, db });
    expect(found).toEqual({ id: userId, email: "valid@bellhop.test", name: "valid", role: "agent" });
    // The usual case is answered by one read, without Better Auth's round.
    expect(betterAuth).not.toHaveBeenCalled();
    betterAuth.mockRestore();
    expect(await betterAuthUser(request(cookie))).toBe(userId);
  });

  it("is nobody without a cookie, with a forged or unknown one, or after signing out", async () => {
    const { cookie, token } = await signedInAccount("nobody@bellhop.test");
    const cases = [
      undefined,
      `${COOKIE}=${signed(token, "not-the-secret")}`,
      `${COOKIE}=${signed("an-unknown-token")}`,
      `${COOKIE}=garbage`,
      `other=1`,
    ];
    for (const header of cases) {
      expect(await userOfRequest(request(header), { auth, db })).toBeNull();
      expect(await betterAuthUser(request(header))).toBeNull();
    }
    await auth.api.signOut({ headers: request(cookie) });
    expect(await userOfRequest(request(cookie), { auth, db })).toBeNull();
  });

  it("is nobody once the account is disabled, at once", async () => {
    const { userId, cookie } = await signedInAccount("disabled@bellhop.test");
    expect(await userOfRequest(request(cookie), { auth, db })).not.toBeNull();
    await db.update(user).set({ banned: true }).where(eq(user.id, userId));
    expect(await userOfRequest(request(cookie), { auth, db })).toBeNull();
  });

  it("renews a session due for it, and ends an expired one", async () => {
    const due = await signedInAccount("due@bellhop.test");
    const dueAt = new Date(Date.now() + SESSION_CONFIG.expiresIn * 1000 - DAY - 60_000);
    await db.update(session).set({ expiresAt: dueAt }).where(eq(session.token, due.token));
    expect((await userOfRequest(request(due.cookie), { auth, db }))?.id).toBe(due.userId);
    const [renewed] = await db.select().from(session).where(eq(session.token, due.token));
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(dueAt.getTime() + DAY - 120_000);

    const expired = await signedInAccount("expired@bellhop.test");
    await db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.token, expired.token));
    expect(await userOfRequest(request(expired.cookie), { auth, db })).toBeNull();
    expect(await db.select().from(session).where(eq(session.token, expired.token))).toEqual([]);
  });
});
