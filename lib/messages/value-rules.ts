/**
 * The rules of single values, without zod: the compose schema, the broadcast list's worker and the server share them.
 */
import { TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES, TEMPLATE_VALUE_MAX_LENGTH } from "./limits";

/** Where each template rule is checked: on a value as the agent types, and again on the server. */
export function templateValueProblem(value: string): string | null {
  if (value.trim() === "") return "Enter a value";
  if (/[\n\t]/.test(value)) return "WhatsApp refuses new lines and tabs in a template value";
  if (new RegExp(` {${TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES + 1},}`).test(value)) {
    return `At most ${TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES} spaces in a row`;
  }
  if (value.length > TEMPLATE_VALUE_MAX_LENGTH) return `At most ${TEMPLATE_VALUE_MAX_LENGTH} characters`;
  return null;
}

export function httpsUrlProblem(value: string): string | null {
  if (value.trim() === "") return "Enter the public https URL of the file";
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:") return "Callbell fetches media from public https URLs only";
    return null;
  } catch {
    return "Enter a full URL, such as https://example.com/photo.jpeg";
  }
}
