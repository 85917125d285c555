/** The sandbox's customers who write back, documented with the magic numbers (docs/automation.md). */

/**
 * Customers who answer any message about `SANDBOX_REPLY_AFTER_MS` after it, through the webhook (so only with
 * `CALLBELL_WEBHOOK_SECRET` set): `+15550000200` to `+15550000209` write "Yes, please", `+15550000210` sends a location.
 */
export const SANDBOX_REPLIERS = {
  first: "+15550000200",
  last: "+15550000209",
  location: "+15550000210",
} as const;
export const SANDBOX_REPLY_AFTER_MS = 5_000;
export const SANDBOX_REPLY_TEXT = "Yes, please";

/** What a sandbox customer answers a message to `recipient` with, or null for one who never answers. */
export function sandboxReplyOf(recipient: string): "text" | "location" | null {
  // A number as an agent may type it (`+1 555 000 0200`); a BSUID or platform id is nobody here.
  if (!/^\+?[\d\s().-]+$/.test(recipient)) return null;
  const digits = `+${recipient.replace(/\D/g, "")}`;
  if (digits === SANDBOX_REPLIERS.location) return "location";
  return digits >= SANDBOX_REPLIERS.first && digits <= SANDBOX_REPLIERS.last && digits.length === 12
    ? "text"
    : null;
}
