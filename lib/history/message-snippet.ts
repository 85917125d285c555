import { describeMediaUrl } from "@/lib/messages/message-preview";

/** What a stored send says about its message: enough to name it in a history row or the export. */
export type SentMessageParts = {
  messageType: string;
  templateTitle: string | null;
  templateUuid: string | null;
  /** The template's values, as `readTemplateValues` reads them. */
  templateValues: string[];
  /** The request's `content.text` and `content.url`. */
  contentText: string | null;
  contentUrl: string | null;
};

const MEDIA = new Set(["image", "document", "audio", "video"] as const);
const isMedia = (type: string): type is "image" | "document" | "audio" | "video" =>
  (MEDIA as Set<string>).has(type);

/**
 * The message in one line of words, as an agent recognises it: a text's text, an image's caption, a file's name, or a
 * template's title with its values (`Order ready: Jo | 42`). The history row shortens it on screen; the export keeps
 * it whole.
 */
export function messageSnippet(parts: SentMessageParts): string {
  if (parts.templateUuid || parts.messageType === "template") {
    const title = parts.templateTitle ?? parts.templateUuid ?? "Template";
    return parts.templateValues.length > 0 ? `${title}: ${parts.templateValues.join(" | ")}` : title;
  }
  const text = (parts.contentText ?? "").replace(/\s+/g, " ").trim();
  if (text !== "") return text;
  if (isMedia(parts.messageType) && parts.contentUrl)
    return describeMediaUrl(parts.contentUrl, parts.messageType).name;
  return "";
}

/** The `content` of a stored request body (JSON text), read loosely: rows outlive code versions. */
export function storedContent(requestBody: string): { text: string | null; url: string | null } {
  try {
    const content = (JSON.parse(requestBody) as { content?: { text?: unknown; url?: unknown } } | null)
      ?.content;
    return {
      text: typeof content?.text === "string" ? content.text : null,
      url: typeof content?.url === "string" ? content.url : null,
    };
  } catch {
    return { text: null, url: null };
  }
}
