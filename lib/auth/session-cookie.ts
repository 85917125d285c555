import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The session token in a Better Auth session cookie, `<token>.<base64 HMAC-SHA256 of the token>`, when the
 * signature is the server's; null otherwise. The same check Better Auth makes, without its Web Crypto round trips.
 */
export function unsignSessionCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  // Compared as text: base64 decoding skips stray characters, so two different strings can decode alike.
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/**
 * Whether Better Auth would extend this session now: it does once `updateAge` seconds have passed since it last set
 * `expiresAt` (to `expiresIn` seconds ahead).
 */
export function sessionRefreshDue(
  expiresAt: Date,
  now: number,
  config: { expiresIn: number; updateAge: number },
): boolean {
  return expiresAt.getTime() - config.expiresIn * 1000 + config.updateAge * 1000 <= now;
}
