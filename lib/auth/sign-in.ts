import "server-only";
import { headers } from "next/headers";
import { getAuth } from "./auth";
import { credentialsSchema, firstErrorPerField, type CredentialsState } from "./credentials";
import { getDb } from "@/lib/db/client";
import { clientAddress } from "@/lib/security/client-address";
import { ACCOUNT_RULE, ADDRESS_RULE, createSignInThrottle } from "./throttle";
import { audit, auditSignIn } from "@/lib/audit/record";
import { currentUser } from "./session";

const waitMessage = (ms: number, what: string) =>
  `Too many failed sign-ins ${what}. Try again in ${Math.ceil(ms / 1000)} seconds.`;

/**
 * Signs in with email and password (the session cookie is set by Better Auth's Next plugin). Failures are counted per
 * account and per address; past a few, each further attempt must wait, and the agent is told for how long.
 */
export async function signInWithPassword(form: FormData): Promise<CredentialsState | null> {
  const parsed = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) {
    const fieldErrors = firstErrorPerField<"email" | "password">(parsed.error);
    return { fieldErrors, email };
  }

  const requestHeaders = await headers();
  const throttle = createSignInThrottle(await getDb());
  const accountKey = `account:${parsed.data.email.toLowerCase()}`;
  const addressKey = `address:${clientAddress(requestHeaders)}`;
  const now = Date.now();
  const accountWait = await throttle.waitFor(accountKey, ACCOUNT_RULE, now);
  if (accountWait > 0) {
    await auditSignIn(
      parsed.data.email,
      { throttled: { by: "account", waitMs: accountWait } },
      requestHeaders,
    );
    return { message: waitMessage(accountWait, "for this account"), email };
  }
  const addressWait = await throttle.waitFor(addressKey, ADDRESS_RULE, now);
  if (addressWait > 0) {
    await auditSignIn(
      parsed.data.email,
      { throttled: { by: "address", waitMs: addressWait } },
      requestHeaders,
    );
    return { message: waitMessage(addressWait, "from your network"), email };
  }

  const auth = await getAuth();
  try {
    await auth.api.signInEmail({
      body: { email: parsed.data.email.toLowerCase(), password: parsed.data.password },
      headers: requestHeaders,
    });
  } catch (error) {
    // Better Auth's refusals (wrong password, disabled account) are APIErrors; anything else is a real failure.
    if (!(error instanceof Error && error.name === "APIError")) throw error;
    await throttle.recordFailure(accountKey, now);
    await throttle.recordFailure(addressKey, now);
    await auditSignIn(parsed.data.email, { wrongCredentials: true }, requestHeaders);
    const wait = await throttle.waitFor(accountKey, ACCOUNT_RULE, now);
    return {
      message:
        wait > 0
          ? waitMessage(wait, "for this account")
          : "Wrong email or password, or the account is disabled.",
      email,
    };
  }
  await throttle.recordSuccess(accountKey);
  await auditSignIn(parsed.data.email, null, requestHeaders);
  return null;
}

export async function signOut() {
  const [auth, user, requestHeaders] = await Promise.all([getAuth(), currentUser(), headers()]);
  await auth.api.signOut({ headers: requestHeaders });
  if (user) await audit("sign-out", user, {}, requestHeaders);
}
