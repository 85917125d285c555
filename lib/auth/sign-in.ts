import "server-only";
import { headers } from "next/headers";
import { getAuth } from "./auth";
import { credentialsSchema, firstErrorPerField, type CredentialsState } from "./credentials";
import { getDb } from "@/lib/db/client";
import { clientAddress } from "@/lib/security/client-address";
import { createSignInThrottle, signInKeys, signInWait } from "./throttle";
import { hasSignedInFrom } from "@/lib/db/audit-queries";
import { audit, auditSignIn } from "@/lib/audit/record";
import { currentUser } from "./session";

const waitMessage = ({ waitMs, because }: { waitMs: number; because: "account" | "address" }) =>
  `Too many failed sign-ins ${because === "account" ? "for this account" : "from your network"}. Try again in ${Math.ceil(waitMs / 1000)} seconds.`;

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
  const db = await getDb();
  const throttle = createSignInThrottle(db);
  const address = clientAddress(requestHeaders);
  const keys = signInKeys(parsed.data.email, address);
  const knownAddress = await hasSignedInFrom(db, parsed.data.email, address);
  const now = Date.now();
  const attempt = await throttle.reserveAttempt(keys, knownAddress, now);
  if ("refused" in attempt) {
    const held = attempt.refused;
    await auditSignIn(
      parsed.data.email,
      { throttled: { by: held.because, waitMs: held.waitMs } },
      requestHeaders,
    );
    return { message: waitMessage(held), email };
  }

  const auth = await getAuth();
  try {
    await auth.api.signInEmail({
      body: { email: parsed.data.email.toLowerCase(), password: parsed.data.password },
      headers: requestHeaders,
    });
  } catch (error) {
    // Better Auth's refusals (wrong password, disabled account) are APIErrors; anything else is a real failure, and
    // the attempt stays counted (as it was reserved) only for a refusal.
    if (!(error instanceof Error && error.name === "APIError")) {
      await throttle.release(attempt.reserved);
      throw error;
    }
    await auditSignIn(parsed.data.email, { wrongCredentials: true }, requestHeaders);
    const next = await signInWait(throttle, keys, knownAddress, now);
    return {
      message: next ? waitMessage(next) : "Wrong email or password, or the account is disabled.",
      email,
    };
  }
  await throttle.release(attempt.reserved);
  await auditSignIn(parsed.data.email, null, requestHeaders);
  return null;
}

export async function signOut() {
  const [auth, user, requestHeaders] = await Promise.all([getAuth(), currentUser(), headers()]);
  await auth.api.signOut({ headers: requestHeaders });
  if (user) await audit("sign-out", user, {}, requestHeaders);
}
