import type { ComposeFormValues } from "./compose-form";
import { templateMediaHeader, templateSegments, type TemplateSummary } from "./template";

/** What the customer will see, before any formatting: a media header or attachment, and the bubble's text. */
export type MessagePreview = {
  media: { kind: "image" | "document" | "audio" | "video"; url: string } | null;
  /** The bubble's text; `{{n}}` left unfilled is marked with {@link UNFILLED_OPEN}n{@link UNFILLED_CLOSE}. */
  text: string;
};

/** Private-use characters nobody types: the renderer turns them back into a highlighted `{{n}}`. */
export const UNFILLED_OPEN = "\uE000";
export const UNFILLED_CLOSE = "\uE001";
export const UNFILLED_PATTERN = /\uE000(\d+)\uE001/;

export function messagePreview(form: ComposeFormValues, template?: TemplateSummary): MessagePreview {
  switch (form.type) {
    case "text":
      return { media: null, text: form.text };
    case "image":
      return { media: mediaOrNull("image", form.mediaUrls.image), text: form.caption };
    case "document":
    case "audio":
    case "video":
      return { media: mediaOrNull(form.type, form.mediaUrls[form.type]), text: "" };
    case "template": {
      if (!template) return { media: null, text: "" };
      const header = templateMediaHeader(template);
      const text = templateSegments(template.text)
        .map((segment) => {
          if (segment.kind === "text") return segment.text;
          const value = form.variables[segment.number - 1]?.value ?? "";
          return value.trim() === "" ? `${UNFILLED_OPEN}${segment.number}${UNFILLED_CLOSE}` : value;
        })
        .join("");
      // A header with no URL yet still shows where it will be.
      return { media: header ? { kind: header, url: form.mediaUrls.template.trim() } : null, text };
    }
  }
}

function mediaOrNull(kind: "image" | "document" | "audio" | "video", url: string) {
  return url.trim() === "" ? null : { kind, url: url.trim() };
}

const FILE_KINDS: Record<string, string> = {
  pdf: "PDF document",
  doc: "Word document",
  docx: "Word document",
  xls: "Excel spreadsheet",
  xlsx: "Excel spreadsheet",
  ppt: "PowerPoint presentation",
  pptx: "PowerPoint presentation",
  txt: "Text file",
  mp3: "MP3 audio",
  aac: "AAC audio",
  amr: "AMR audio",
  m4a: "M4A audio",
  ogg: "OGG audio",
  mp4: "MP4 video",
  "3gp": "3GP video",
  jpg: "JPEG image",
  jpeg: "JPEG image",
  png: "PNG image",
};

const KIND_FALLBACK = { image: "Image", document: "Document", audio: "Audio", video: "Video" } as const;

/** A file's name and kind as WhatsApp shows an attachment, read from its URL. */
export function describeMediaUrl(
  url: string,
  kind: keyof typeof KIND_FALLBACK,
): { name: string; label: string } {
  let name = "";
  try {
    const path = new URL(url).pathname;
    name = decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  } catch {
    name = "";
  }
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  return { name: name || "file", label: FILE_KINDS[extension] ?? KIND_FALLBACK[kind] };
}
