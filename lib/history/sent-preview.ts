import { composeFormFromRequest } from "@/lib/messages/compose-from-request";
import { messagePreview, type MessagePreview } from "@/lib/messages/message-preview";
import type { TemplateSummary } from "@/lib/messages/template";
import { readSentTemplateValues } from "@/lib/messages/template-values";
import { messageSnippet, storedContent } from "./message-snippet";

type StoredSend = {
  requestBody: string;
  messageType: string;
  templateUuid: string | null;
  templateTitle: string | null;
  templateValueCount: number | null;
};

/**
 * The message as the customer saw it, read back from the stored request: the compose page's preview of the form that
 * request came from. A template whose text Bellhop no longer knows (removed, or Callbell unreachable) shows its title
 * and values instead of an empty bubble.
 */
export function sentMessagePreview(send: StoredSend, template?: TemplateSummary): MessagePreview {
  let stored: unknown = null;
  try {
    stored = JSON.parse(send.requestBody);
  } catch {
    // Not JSON: read as an empty body.
  }
  const form = composeFormFromRequest(stored, send, "", template);
  if (form.type !== "template" || template) return messagePreview(form, template);
  const content = storedContent(send.requestBody);
  return {
    media: form.templateHeader && content.url ? { kind: form.templateHeader, url: content.url } : null,
    text: messageSnippet({
      ...send,
      templateValues: readSentTemplateValues(send),
      contentText: content.text,
      contentUrl: content.url,
    }),
  };
}
