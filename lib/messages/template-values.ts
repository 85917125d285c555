import type { ComposeFormValues } from "./compose-form";
import { countTemplateVariables, type TemplateSummary } from "./template";
import { templateValueProblem } from "./value-rules";

/**
 * What a stored send keeps of a template's values. `content.text` holds the one value of a one-variable template,
 * the first of several (which are all in `template_values`), or, for a template without variables, the template's
 * own text: only the count recorded at send time tells the last two apart.
 */
export type StoredTemplateValues = {
  templateUuid: string | null | undefined;
  /** How many values were sent; null for a send recorded before the count was kept. */
  valueCount: number | null;
  /** The request's `template_values` and `content.text`, as read from the stored body (any shape). */
  templateValues: unknown;
  contentText: unknown;
};

/** What a send records beside its body: how many values it carries (null when it is not a template send). */
export function templateValueCount(form: Pick<ComposeFormValues, "type" | "variables">): number | null {
  return form.type === "template" ? form.variables.length : null;
}

const strings = (value: unknown): string[] | null => (Array.isArray(value) ? value.map(String) : null);

/**
 * The values a template send carried, in order: none for a template without variables. Every reader of a stored
 * send (Send again, the history detail, the CSV export) goes through here. `template`, when known, settles a send
 * recorded before the count was kept.
 */
export function readTemplateValues(
  stored: StoredTemplateValues,
  template?: Pick<TemplateSummary, "text">,
): string[] {
  if (!stored.templateUuid) return [];
  const several = strings(stored.templateValues);
  const text = typeof stored.contentText === "string" ? stored.contentText : "";
  const count = stored.valueCount ?? (template ? countTemplateVariables(template.text) : null);
  if (count === null) {
    // An older send: `template_values` means several; otherwise the text is the one value, unless WhatsApp would
    // refuse it as one (empty, a line break, too long), which makes it the template's own text.
    return several ?? (templateValueProblem(text) ? [] : [text]);
  }
  if (count === 0) return [];
  return several ?? [text];
}

/** `readTemplateValues` of a stored request body (JSON text), as the history keeps it. */
export function readSentTemplateValues(send: {
  templateUuid: string | null;
  templateValueCount: number | null;
  requestBody: string;
}): string[] {
  let body: { template_values?: unknown; content?: { text?: unknown } } | null;
  try {
    body = JSON.parse(send.requestBody);
  } catch {
    return [];
  }
  return readTemplateValues({
    templateUuid: send.templateUuid,
    valueCount: send.templateValueCount,
    templateValues: body?.template_values,
    contentText: body?.content?.text,
  });
}
