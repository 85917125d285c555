import { emptyComposeForm, type ComposeFormValues } from "./compose-form";

/**
 * The form after a message went out: the next one most likely goes to the same customer, the same way. Recipient,
 * platform, channel, type, template and options stay; the message itself (text, caption, media URLs, template
 * values) is cleared, and the new message gets a new idempotency key, so that it is never taken for the last one.
 */
export function followUpForm(sent: ComposeFormValues, idempotencyKey: string): ComposeFormValues {
  const empty = emptyComposeForm(idempotencyKey);
  return {
    ...sent,
    text: empty.text,
    caption: empty.caption,
    mediaUrls: empty.mediaUrls,
    variables: sent.variables.map((variable) => ({ ...variable, value: "" })),
    idempotencyKey,
  };
}
