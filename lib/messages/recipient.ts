import { RECIPIENT_ID_MAX_LENGTH } from "./limits";
import type { Platform } from "./options";
import { isValidPhone, normalizePhone } from "./phone";

/**
 * A WhatsApp recipient is a phone number or a BSUID (Business Suite User ID, for customers who hide their number
 * behind a WhatsApp username). They are told apart by their first character: a phone number starts with a digit, `+`
 * or `(`, a BSUID with its country code (`US.13491208655302741918`, or a parent one, `US.ENT.1181…`). So a number with
 * a typo in it (`31612345678O`) is still read as a number, and refused as one.
 */
export type RecipientKind = "phone" | "bsuid" | "platform-id";

export const BSUID_MAX_LENGTH = 128;
/** Meta's format: a two-letter country code, a dot, then letters, digits and dots. */
const BSUID_PATTERN = /^[A-Za-z]{2}\.[A-Za-z0-9][A-Za-z0-9.]*$/;
// Line breaks and other control characters are never part of an identifier (and would end up in exports).
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function recipientKind(platform: Platform | string, recipient: string): RecipientKind {
  if (platform !== "whatsapp") return "platform-id";
  return /^[A-Za-z]/.test(recipient.trim()) ? "bsuid" : "phone";
}

/** The recipient as Callbell wants it: a phone number in E.164, anything else trimmed. */
export function normalizeRecipient(platform: Platform | string, input: string): string {
  const trimmed = input.trim();
  return recipientKind(platform, trimmed) === "phone" ? normalizePhone(trimmed) : trimmed;
}

/** How Callbell finds a WhatsApp customer: `GET /contacts/phone/:digits` or `GET /contacts/bsuid/:bsuid`. */
export function contactKey(recipient: string): { phone: string } | { bsuid: string } {
  const value = normalizeRecipient("whatsapp", recipient);
  return recipientKind("whatsapp", value) === "bsuid" ? { bsuid: value } : { phone: value };
}

/** What is wrong with a recipient for this platform, in words for the field; null when it can be sent to. */
export function recipientProblem(platform: Platform | string, input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "") return "Enter the recipient";
  switch (recipientKind(platform, trimmed)) {
    case "phone":
      return isValidPhone(normalizePhone(trimmed))
        ? null
        : "Enter a phone number with its country code, such as +31 6 12345678, or a BSUID";
    case "bsuid":
      if (trimmed.length > BSUID_MAX_LENGTH) return `A BSUID has at most ${BSUID_MAX_LENGTH} characters`;
      return BSUID_PATTERN.test(trimmed)
        ? null
        : "A BSUID is a country code, a dot, then letters and digits, such as US.13491208655302741918";
    case "platform-id":
      if (CONTROL_CHARACTERS.test(trimmed)) return "No line breaks or control characters";
      return trimmed.length > RECIPIENT_ID_MAX_LENGTH
        ? `At most ${RECIPIENT_ID_MAX_LENGTH} characters`
        : null;
  }
}
