import "server-only";
import { headers } from "next/headers";
import { recordAudit, type AuditDetail } from "@/lib/db/audit-queries";
import { getDb } from "@/lib/db/client";
import { findAccount } from "@/lib/db/account-queries";
import type { AuditKind } from "@/lib/db/schema";
import { clientAddress } from "@/lib/security/client-address";

export type AuditActor = { id: string | null; email: string };

/**
 * Adds one entry to the audit trail for the request being answered (its address comes from `requestHeaders`, or from
 * the action's own request). Callers record a change once it has happened, with what changed.
 *
 * A failure to write the entry is logged (kind and actor, never the detail) and the user's answer stands: the change
 * is done and cannot be taken back, and telling the user it failed would invite them to do it again (a second
 * broadcast). The log line keeps the trace; the database that refused the entry is usually refusing everything else.
 */
export async function audit(
  kind: AuditKind,
  actor: AuditActor,
  detail: AuditDetail = {},
  requestHeaders?: Headers,
): Promise<void> {
  try {
    const address = clientAddress(requestHeaders ?? (await headers()));
    await recordAudit(await getDb(), { kind, actorId: actor.id, actorEmail: actor.email, address, detail });
  } catch (error) {
    console.error(
      `Bellhop: the audit entry "${kind}" by ${actor.email} could not be written:`,
      error instanceof Error ? error.message : error,
    );
  }
}

/** Why a sign-in failed, as the trail says it. */
export type SignInRefusal =
  { throttled: { by: "account" | "address"; waitMs: number } } | { wrongCredentials: true };

// A refused attempt costs whoever sends it nothing, so a flood of them must not fill the database: the trail keeps
// the first refusal per address each minute (per instance), whatever email it named, and leaves the rest of that
// minute's out.
const THROTTLED_ENTRY_EVERY_MS = 60_000;
const THROTTLED_KEYS_KEPT = 10_000;
const lastThrottledEntry = new Map<string, number>();

function throttledEntryDue(key: string, now: number): boolean {
  const last = lastThrottledEntry.get(key);
  if (last !== undefined && now - last < THROTTLED_ENTRY_EVERY_MS) return false;
  lastThrottledEntry.delete(key);
  lastThrottledEntry.set(key, now);
  // Oldest first: a Map iterates in insertion order.
  if (lastThrottledEntry.size > THROTTLED_KEYS_KEPT)
    lastThrottledEntry.delete(lastThrottledEntry.keys().next().value!);
  return true;
}

/**
 * A sign-in attempt with the email that was tried. The actor's id is the account's when one has that email (an
 * unknown email is recorded as typed, lower-cased). A failure says why: no such account, a disabled one, a wrong
 * password, or refused by the throttle before the password was tried.
 */
export async function auditSignIn(
  email: string,
  refusal: SignInRefusal | null,
  requestHeaders: Headers,
): Promise<void> {
  if (refusal && "throttled" in refusal && !throttledEntryDue(clientAddress(requestHeaders), Date.now()))
    return;
  let account: Awaited<ReturnType<typeof findAccount>>;
  try {
    account = await findAccount(await getDb(), { email });
  } catch {
    account = undefined;
  }
  const actor = { id: account?.id ?? null, email };
  if (!refusal) return audit("sign-in", actor, {}, requestHeaders);
  const detail: AuditDetail =
    "throttled" in refusal
      ? {
          reason: "throttled",
          by: refusal.throttled.by,
          waitSeconds: Math.ceil(refusal.throttled.waitMs / 1000),
        }
      : { reason: !account ? "unknown-account" : account.banned ? "deactivated" : "wrong-password" };
  return audit("sign-in-failed", actor, detail, requestHeaders);
}
