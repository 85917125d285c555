import type { ComposeFormValues } from "@/lib/messages/compose-form";

const SENT_WITH_STORAGE_KEY = "bellhop.compose.sentWith";

/**
 * The idempotency key to send `values` with. The form keeps its key after an unknown outcome, so that pressing Send
 * again cannot send a second copy; but that protects the same message only. Once a key has gone out with one
 * message, another message (an other recipient, text, type…) gets a new key, or the server would answer it with the
 * first message's outcome and send nothing. Remembered in the browser, so it holds across a reload as the draft does.
 */
export function keyForSend(values: ComposeFormValues, newKey: () => string): string {
  const { idempotencyKey, ...message } = values;
  const fingerprint = JSON.stringify(message);
  let used: { key?: unknown; fingerprint?: unknown } | null = null;
  try {
    used = JSON.parse(window.localStorage.getItem(SENT_WITH_STORAGE_KEY) ?? "null");
  } catch {
    used = null;
  }
  const key = used?.key === idempotencyKey && used.fingerprint !== fingerprint ? newKey() : idempotencyKey;
  try {
    window.localStorage.setItem(SENT_WITH_STORAGE_KEY, JSON.stringify({ key, fingerprint }));
  } catch {
    // Storage full or refused: the key stays the form's, as before.
  }
  return key;
}
