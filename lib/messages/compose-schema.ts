import { BOT_STATUS_VALUES } from "@/lib/callbell/types";
import { z } from "zod";
import { TEMPLATE_MEDIA_HEADERS } from "./template";
import { MESSAGE_TYPE_VALUES, PLATFORM_VALUES } from "./options";
import { checkComposeForm, type ComposeContext, type ComposeProblem } from "./compose-form";

const mediaUrlsSchema = z.object({
  image: z.string(),
  document: z.string(),
  audio: z.string(),
  video: z.string(),
  template: z.string(),
});

/**
 * The compose form as the agent fills it. Every type keeps its own fields, so switching type and back loses nothing;
 * only the chosen type's fields are validated and sent.
 */
export const composeFieldsSchema = z.object({
  to: z.string(),
  platform: z.enum(PLATFORM_VALUES),
  channelUuid: z.string(),
  type: z.enum(MESSAGE_TYPE_VALUES),
  text: z.string(),
  mediaUrls: mediaUrlsSchema,
  caption: z.string(),
  templateUuid: z.string(),
  /** The media header, chosen by hand only when the templates could not be read (otherwise the template says). */
  templateHeader: z.enum(["", ...TEMPLATE_MEDIA_HEADERS]),
  variables: z.array(z.object({ value: z.string() })),
  optin: z.boolean(),
  assignedUser: z.string(),
  teamUuid: z.string(),
  botStatus: z.enum(["", ...BOT_STATUS_VALUES]),
  returnContact: z.boolean(),
  metadata: z.array(z.object({ key: z.string(), value: z.string() })),
  idempotencyKey: z.string(),
});

export type ComposeFormValues = z.infer<typeof composeFieldsSchema>;

/**
 * The server's reading of a submitted form: the shared shape schema (built and compiled once per process, where a
 * schema made per call would be compiled again for every send), then the same rules as the browser's.
 */
export function parseComposeForm(
  input: unknown,
  context: ComposeContext,
): { success: true; data: ComposeFormValues } | { success: false; problems: ComposeProblem[] } {
  const parsed = composeFieldsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      success: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === "number" ? part : String(part))),
        message: issue.message,
      })),
    };
  }
  const problems: ComposeProblem[] = [];
  checkComposeForm(parsed.data, context, (path, message) => problems.push({ path, message }));
  return problems.length > 0 ? { success: false, problems } : { success: true, data: parsed.data };
}
