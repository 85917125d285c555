import { BOT_STATUS_VALUES } from "@/lib/callbell/types";
import { z } from "zod";
import { emptyComposeForm, type ComposeFormValues } from "./compose-form";
import { MESSAGE_TYPE_VALUES, PLATFORM_VALUES, type MessageType } from "./options";
import { countTemplateVariables, type TemplateSummary } from "./template";
import { readTemplateValues } from "./template-values";

/** A stored request body, read loosely: it was built by Bellhop, but rows outlive code versions. */
const storedRequestSchema = z.object({
  to: z.string().optional().catch(undefined),
  bsuid: z.string().optional().catch(undefined),
  from: z.enum(PLATFORM_VALUES).catch("whatsapp"),
  type: z.string().catch("text"),
  content: z.object({ text: z.string().optional(), url: z.string().optional() }).catch({}),
  channel_uuid: z.string().optional().catch(undefined),
  template_uuid: z.string().optional().catch(undefined),
  template_values: z.array(z.string()).optional().catch(undefined),
  assigned_user: z.string().optional().catch(undefined),
  team_uuid: z.string().optional().catch(undefined),
  fields: z.string().optional().catch(undefined),
  bot_status: z.enum(BOT_STATUS_VALUES).optional().catch(undefined),
  metadata: z.record(z.string(), z.string()).optional().catch(undefined),
});

/**
 * The compose form that produces this request body again: `Send again` opens Compose with it. The inverse of
 * `buildSendRequest` (a unit test holds them together). The send's own record completes the body: `messageType` is
 * the type as the agent chose it, since audio and video travel as documents, and `templateValueCount` how many
 * values a template send carried.
 */
export function composeFormFromRequest(
  stored: unknown,
  { messageType, templateValueCount }: { messageType: string; templateValueCount: number | null },
  idempotencyKey: string,
  template?: TemplateSummary,
): ComposeFormValues {
  const body = storedRequestSchema.parse(stored ?? {});
  const form = emptyComposeForm(idempotencyKey);
  const type: MessageType = (MESSAGE_TYPE_VALUES as readonly string[]).includes(messageType)
    ? (messageType as MessageType)
    : "text";

  form.to = body.to ?? body.bsuid ?? "";
  form.platform = body.from;
  form.channelUuid = body.channel_uuid ?? "";
  form.type = type;
  const text = body.content.text ?? "";
  const url = body.content.url ?? "";
  switch (type) {
    case "text":
      form.text = text;
      break;
    case "image":
      form.mediaUrls.image = url;
      form.caption = text;
      break;
    case "document":
    case "audio":
    case "video":
      form.mediaUrls[type] = url;
      break;
    case "template": {
      form.templateUuid = body.template_uuid ?? "";
      form.mediaUrls.template = url;
      if (!template && (body.type === "image" || body.type === "video" || body.type === "document")) {
        form.templateHeader = body.type;
      }
      const count = template ? countTemplateVariables(template.text) : undefined;
      const values = readTemplateValues(
        {
          templateUuid: body.template_uuid,
          valueCount: templateValueCount,
          templateValues: body.template_values,
          contentText: body.content.text,
        },
        template,
      );
      form.variables = (
        count === undefined ? values : Array.from({ length: count }, (_, i) => values[i] ?? "")
      ).map((value) => ({ value }));
      // The original send confirmed the opt-in for this recipient.
      form.optin = true;
      break;
    }
  }
  form.assignedUser = body.assigned_user ?? "";
  form.teamUuid = body.team_uuid ?? "";
  form.botStatus = body.bot_status ?? "";
  form.returnContact = (body.fields ?? "").split(",").includes("contact");
  form.metadata = Object.entries(body.metadata ?? {}).map(([key, value]) => ({ key, value }));
  return form;
}
