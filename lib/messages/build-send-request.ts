import type { SendRequest } from "@/lib/callbell/types";
import type { ComposeFormValues } from "./compose-form";
import { normalizeRecipient, recipientKind } from "./recipient";
import { templateMediaHeader, type TemplateSummary } from "./template";

export type { SendRequest };

/** Whom a request goes to, as the history records it: the phone number, platform identifier or BSUID. */
export function requestRecipient(request: SendRequest): string {
  return request.to ?? request.bsuid;
}

/**
 * Turns a valid compose form into the exact request body. Pure: the browser's request preview and the server's send
 * use the same function, so what is shown is what is sent.
 */
export function buildSendRequest(form: ComposeFormValues, template?: TemplateSummary): SendRequest {
  const recipient = normalizeRecipient(form.platform, form.to);
  const body: SendRequest = {
    ...(recipientKind(form.platform, recipient) === "bsuid" ? { bsuid: recipient } : { to: recipient }),
    from: form.platform,
    ...buildMessagePart(form, template),
    channel_uuid: form.channelUuid,
  };

  if (form.assignedUser.trim()) body.assigned_user = form.assignedUser.trim();
  if (form.teamUuid) body.team_uuid = form.teamUuid;
  if (form.returnContact) body.fields = "contact";
  if (form.botStatus) body.bot_status = form.botStatus;
  if (form.metadata.length > 0) {
    // Callbell rejects non-string values with a 400, so every value travels as a string.
    body.metadata = Object.fromEntries(form.metadata.map((row) => [row.key.trim(), String(row.value)]));
  }
  return body;
}

/** The body the request preview shows: the form as it stands, its template found in the page's list. */
export function previewSendRequest(
  form: ComposeFormValues,
  templates: TemplateSummary[] | null,
): SendRequest {
  return buildSendRequest(
    form,
    templates?.find((t) => t.uuid === form.templateUuid),
  );
}

type MessagePart = Pick<
  SendRequest,
  "type" | "content" | "template_uuid" | "optin_contact" | "template_values"
>;

function buildMessagePart(form: ComposeFormValues, template?: TemplateSummary): MessagePart {
  switch (form.type) {
    case "text":
      return { type: "text", content: { text: form.text } };
    case "image": {
      const content: SendRequest["content"] = { url: form.mediaUrls.image.trim() };
      if (form.caption.trim()) content.text = form.caption;
      return { type: "image", content };
    }
    // Callbell has no audio or video type for plain sends: both travel as documents.
    case "document":
    case "audio":
    case "video":
      return { type: "document", content: { url: form.mediaUrls[form.type].trim() } };
    case "template":
      return buildTemplatePart(form, template);
  }
}

function buildTemplatePart(form: ComposeFormValues, template?: TemplateSummary): MessagePart {
  const values = form.variables.map((variable) => variable.value);
  const header = template ? templateMediaHeader(template) : form.templateHeader || null;
  // `content` is required even when `template_values` makes Callbell ignore it. The first value goes in
  // `content.text` too: WhatsApp has been seen dropping media-header templates without it.
  const content: SendRequest["content"] = { text: values[0] ?? template?.text ?? "" };
  if (header) content.url = form.mediaUrls.template.trim();
  const part: MessagePart = { type: header ?? "text", content, template_uuid: form.templateUuid };
  // The agent's own confirmation, never assumed: unticked, the form cannot be sent and the preview claims no consent.
  if (form.optin) part.optin_contact = true;
  if (values.length > 1) part.template_values = values;
  return part;
}
