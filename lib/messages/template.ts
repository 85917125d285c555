/** What the compose form and the builder need to know of a Callbell template. */
export type TemplateSummary = {
  uuid: string;
  title: string;
  text: string;
  /** `text`, or the media header's type: `image`, `video`, `document`. */
  templateType: string;
  category: string;
  status: string;
};

export const TEMPLATE_MEDIA_HEADERS = ["image", "video", "document"] as const;
export type TemplateMediaHeader = (typeof TEMPLATE_MEDIA_HEADERS)[number];

export function templateMediaHeader(
  template: Pick<TemplateSummary, "templateType">,
): TemplateMediaHeader | null {
  const type = template.templateType.toLowerCase();
  return (TEMPLATE_MEDIA_HEADERS as readonly string[]).includes(type) ? (type as TemplateMediaHeader) : null;
}

/** Placeholders are positional (`{{1}}…{{n}}`): the highest index is the number of values a send needs. */
export function countTemplateVariables(text: string): number {
  let highest = 0;
  for (const match of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) {
    highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

export function isSendableTemplate(template: Pick<TemplateSummary, "status">): boolean {
  return template.status.toLowerCase() === "approved";
}
