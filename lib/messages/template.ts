import type { TemplateSummary } from "@/lib/callbell/types";
import { countOf } from "@/lib/format/plural";

export type { TemplateSummary };

export const TEMPLATE_MEDIA_HEADERS = ["image", "video", "document"] as const;
export type TemplateMediaHeader = (typeof TEMPLATE_MEDIA_HEADERS)[number];

export function templateMediaHeader(
  template: Pick<TemplateSummary, "templateType">,
): TemplateMediaHeader | null {
  const type = template.templateType.toLowerCase();
  return (TEMPLATE_MEDIA_HEADERS as readonly string[]).includes(type) ? (type as TemplateMediaHeader) : null;
}

/** A template's text cut at its placeholders: literal text, and `{{n}}` with its 1-based number. */
export type TemplateSegment = { kind: "text"; text: string } | { kind: "placeholder"; number: number };

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

export function templateSegments(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: "text", text: text.slice(last, match.index) });
    segments.push({ kind: "placeholder", number: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

/** Placeholders are positional (`{{1}}…{{n}}`): the highest number is how many values a send needs. */
export function countTemplateVariables(text: string): number {
  return templateSegments(text).reduce(
    (highest, segment) => (segment.kind === "placeholder" ? Math.max(highest, segment.number) : highest),
    0,
  );
}

const HINT_WORDS = 3;

/**
 * The words around a placeholder's first use ("Hello {{1}}, this…"), so the agent knows what a value is for.
 * Null when the text never uses that number.
 */
export function placeholderHint(text: string, number: number): string | null {
  const match = [...text.matchAll(PLACEHOLDER)].find((m) => Number(m[1]) === number);
  if (!match) return null;
  const before = text.slice(0, match.index).replace(/\s+/g, " ");
  const after = text.slice(match.index + match[0].length).replace(/\s+/g, " ");
  const beforeWords = before.split(" ");
  const afterWords = after.split(" ");
  const head = beforeWords.slice(-HINT_WORDS - 1).join(" ");
  const tail = afterWords.slice(0, HINT_WORDS + 1).join(" ");
  return `${beforeWords.length > HINT_WORDS + 1 ? "…" : ""}${head}{{${number}}}${tail}${afterWords.length > HINT_WORDS + 1 ? "…" : ""}`;
}

export function isSendableTemplate(template: Pick<TemplateSummary, "status">): boolean {
  return template.status.toLowerCase() === "approved";
}

/** The file types a media header takes (WhatsApp's limits, callbell-api.md). */
export const MEDIA_HEADER_FILE_TYPES: Record<TemplateMediaHeader, string> = {
  image: "JPEG or PNG, at most 5 MB",
  video: "MP4 or 3GP, at most 16 MB",
  document: "PDF, Word, Excel, PowerPoint or text, at most 100 MB",
};

/**
 * Templates matching what the agent typed: every word must appear in the title or the text, in any case. Approved
 * templates come first; the others stay listed (with their status) but cannot be chosen.
 */
export function searchTemplates<T extends TemplateSummary>(templates: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = templates.filter((template) => {
    const haystack = `${template.title}\n${template.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  return [...matches.filter(isSendableTemplate), ...matches.filter((t) => !isSendableTemplate(t))];
}

/** "Utility · image header · 2 variables": what an option says of its template. */
export function describeTemplate(template: TemplateSummary): string {
  const header = templateMediaHeader(template);
  const count = countTemplateVariables(template.text);
  const category = template.category
    ? template.category.charAt(0).toUpperCase() + template.category.slice(1).toLowerCase()
    : "No category";
  return [category, header ? `${header} header` : "text only", countOf(count, "variable")].join(" · ");
}
