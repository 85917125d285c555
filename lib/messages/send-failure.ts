import { CALLBELL_FIELD_ERROR_PREFIX } from "./callbell-field-errors";
import type { SendResult } from "./send-result";

/** A send that did not end enqueued, as the compose form received it. */
export type FailedSend = Exclude<SendResult, { kind: "enqueued" }>;

/** How the compose form words a failed send: a title, one sentence, and the technical text behind it. */
export type SendFailureWords = {
  title: "Not sent" | "Rejected by Callbell" | "The outcome is unknown";
  /** What happened and what to do, in one sentence. */
  sentence: string;
  /** What Callbell (or Bellhop) said, word for word, for the `Details` disclosure; null when the sentence is it. */
  detail: string | null;
};

/** The form's fields by the names the agent sees (ui-contract.md), for a validation error Callbell tied to one. */
const FIELD_NAMES: Record<string, string> = {
  to: "Recipient",
  platform: "Platform",
  channelUuid: "Channel",
  type: "Message type",
  text: "Message",
  caption: "Caption",
  templateUuid: "Template",
  variables: "template variables",
  optin: "Customer opted in",
  assignedUser: "Assign to user",
  teamUuid: "Assign to team",
  botStatus: "Bot status",
  metadata: "metadata",
};

function fieldName(path: string): string {
  return path.startsWith("mediaUrls.") ? "Media URL" : (FIELD_NAMES[path] ?? path);
}

/** The first field Callbell named, with its complaint as Callbell wrote it. */
function firstFieldError(fieldErrors: Record<string, string>): { name: string; said: string } | null {
  const [entry] = Object.entries(fieldErrors);
  if (!entry) return null;
  const [path, message] = entry;
  return { name: fieldName(path), said: message.replace(CALLBELL_FIELD_ERROR_PREFIX, "") };
}

/** The sentence for a send Callbell refused (or never got), by what the agent can do about it. */
function rejectedSentence(result: Extract<FailedSend, { kind: "rejected" }>): string {
  const { status } = result;
  // Nothing in the form is wrong in these cases: the advice must not send the agent back to it.
  if (status === 401 || status === 403)
    return "Callbell refused Bellhop's API token, so nothing was sent: an admin must fix the token on the Settings page.";
  if (status === 402)
    return "The WhatsApp wallet has no credit, so nothing was sent: top up the wallet in Callbell, then send again.";
  if (status === 429)
    return "Callbell is limiting how fast messages go out, so nothing was sent: wait a minute, then send again.";
  if (status === 0) return "Callbell could not be reached, so nothing was sent: try again in a minute.";
  if (status === 400 || status === 422) {
    const field = firstFieldError(result.fieldErrors);
    return field
      ? `Callbell refused the ${field.name} (${field.said}): correct it, then send again.`
      : "Callbell refused the message as invalid (see Details): correct the form, then send again.";
  }
  return `Callbell refused the message with HTTP ${status}, so nothing was sent: see Details, and tell an admin if it happens again.`;
}

/**
 * The one rule for what the compose form says about a failed send. Every failure kind gets one sentence that says
 * what happened and what to do; Callbell's own words stay available under `Details`, since support may ask for them.
 */
export function describeSendFailure(result: FailedSend): SendFailureWords {
  switch (result.kind) {
    case "invalid":
      // Bellhop's own words (a field to fix, a session to renew): already one sentence with what to do.
      return { title: "Not sent", sentence: result.message, detail: null };
    case "rejected":
      // The history's words: a refusal is `rejected` there, a connection never made is `not sent`.
      return {
        title: result.status === 0 ? "Not sent" : "Rejected by Callbell",
        sentence: rejectedSentence(result),
        detail: result.status ? `HTTP ${result.status}: ${result.message}` : result.message,
      };
    case "unknown":
      // A 5xx may come after Callbell took the message: unknown, as in the history and a broadcast's rows.
      return {
        title: "The outcome is unknown",
        sentence:
          result.status && result.status >= 500
            ? "Callbell failed while taking the message, so it may or may not have gone out: check the history in a minute before you send it again."
            : "Bellhop cannot tell whether the message went out: check the history and the customer's conversation before you send it again.",
        detail: result.status ? `HTTP ${result.status}: ${result.message}` : result.message,
      };
  }
}
