import { emptyComposeForm, type ComposeFormValues } from "@/lib/messages/compose-form";

/** One broadcast message: a template to one recipient with that recipient's values and media URL. */
export type BroadcastMessage = {
  to: string;
  channelUuid: string;
  templateUuid: string;
  /** The template's media header, or "" for a text template. */
  templateHeader: ComposeFormValues["templateHeader"];
  values: string[];
  mediaUrl: string;
  metadata: ComposeFormValues["metadata"];
  idempotencyKey: string;
};

/**
 * A broadcast message as the compose form would hold it, so that it goes through the compose page's own rules,
 * builder and preview: WhatsApp (templates are WhatsApp's), the opt-in confirmed for the whole list.
 */
export function broadcastComposeForm(message: BroadcastMessage): ComposeFormValues {
  const form = emptyComposeForm(message.idempotencyKey);
  return {
    ...form,
    to: message.to,
    platform: "whatsapp",
    channelUuid: message.channelUuid,
    type: "template",
    templateUuid: message.templateUuid,
    templateHeader: message.templateHeader,
    variables: message.values.map((value) => ({ value })),
    mediaUrls: { ...form.mediaUrls, template: message.mediaUrl },
    optin: true,
    metadata: message.metadata,
  };
}
