import { z } from "zod";
import {
  CAPTION_MAX_LENGTH,
  METADATA_KEY_MAX_LENGTH,
  METADATA_MAX_PAIRS,
  METADATA_VALUE_MAX_LENGTH,
  RECIPIENT_ID_MAX_LENGTH,
  TEXT_MAX_LENGTH,
} from "./limits";
import { MESSAGE_TYPE_VALUES, PLATFORM_VALUES, type MediaType } from "./options";
import { isValidPhone, normalizePhone } from "./phone";
import { httpsUrlProblem, templateValueProblem } from "./value-rules";

export { templateValueProblem } from "./value-rules";
import {
  TEMPLATE_MEDIA_HEADERS,
  countTemplateVariables,
  isSendableTemplate,
  templateMediaHeader,
  type TemplateSummary,
} from "./template";

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
  botStatus: z.enum(["", "bot_start", "bot_end"]),
  returnContact: z.boolean(),
  metadata: z.array(z.object({ key: z.string(), value: z.string() })),
  idempotencyKey: z.string(),
});

export type ComposeFormValues = z.infer<typeof composeFieldsSchema>;

export function emptyComposeForm(idempotencyKey = ""): ComposeFormValues {
  return {
    to: "",
    platform: "whatsapp",
    channelUuid: "",
    type: "text",
    text: "",
    mediaUrls: { image: "", document: "", audio: "", video: "", template: "" },
    caption: "",
    templateUuid: "",
    templateHeader: "",
    variables: [],
    optin: false,
    assignedUser: "",
    teamUuid: "",
    botStatus: "",
    returnContact: false,
    metadata: [],
    idempotencyKey,
  };
}

const emailSchema = z.email();

export type ComposeContext = {
  /** The account's templates, or null when they could not be loaded (variables are then taken as typed). */
  templates: TemplateSummary[] | null;
};

export function findTemplate(context: ComposeContext, uuid: string): TemplateSummary | undefined {
  return context.templates?.find((template) => template.uuid === uuid);
}

/** One problem with the form: the field it concerns (its path) and what to say there. */
export type ComposeProblem = { path: (string | number)[]; message: string };

/**
 * One schema for the browser's resolver. The context carries the templates the side knows, so the browser and the
 * server (`parseComposeForm`) count placeholders and check media headers by the same rules (`checkComposeForm`).
 */
export function createComposeSchema(context: ComposeContext) {
  return composeFieldsSchema.superRefine((form, ctx) =>
    checkComposeForm(form, context, (path, message) => ctx.addIssue({ code: "custom", path, message })),
  );
}

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

/** Every rule of the compose form beyond its shape, reported through `issue`. */
function checkComposeForm(form: ComposeFormValues, context: ComposeContext, issue: Issue) {
  const to = form.to.trim();
  if (to === "") {
    issue(["to"], "Enter the recipient");
  } else if (form.platform === "whatsapp") {
    if (!isValidPhone(normalizePhone(to))) {
      issue(["to"], "Enter a phone number with its country code, such as +31 6 12345678");
    }
  } else if (to.length > RECIPIENT_ID_MAX_LENGTH) {
    issue(["to"], `At most ${RECIPIENT_ID_MAX_LENGTH} characters`);
  }

  switch (form.type) {
    case "text":
      if (form.text.trim() === "") issue(["text"], "Enter a message");
      else if (form.text.length > TEXT_MAX_LENGTH) issue(["text"], `At most ${TEXT_MAX_LENGTH} characters`);
      break;
    case "image":
    case "document":
    case "audio":
    case "video": {
      const problem = httpsUrlProblem(form.mediaUrls[form.type as MediaType]);
      if (problem) issue(["mediaUrls", form.type], problem);
      if (form.type === "image" && form.caption.length > CAPTION_MAX_LENGTH) {
        issue(["caption"], `At most ${CAPTION_MAX_LENGTH} characters`);
      }
      break;
    }
    case "template":
      checkTemplate(form, context, issue);
      break;
  }

  if (form.assignedUser.trim() !== "" && !emailSchema.safeParse(form.assignedUser.trim()).success) {
    issue(["assignedUser"], "Enter the email of a member of your Callbell team");
  }

  checkMetadata(form.metadata, issue);
}

type Issue = (path: (string | number)[], message: string) => void;

function checkTemplate(form: ComposeFormValues, context: ComposeContext, issue: Issue) {
  if (form.platform !== "whatsapp") {
    issue(["type"], "Templates can be sent on WhatsApp only");
  }
  if (form.templateUuid === "") {
    issue(["templateUuid"], "Choose a template");
    return;
  }
  const template = findTemplate(context, form.templateUuid);
  if (context.templates && !template) {
    issue(["templateUuid"], "This template is not in your Callbell account");
    return;
  }
  if (template && !isSendableTemplate(template)) {
    issue(["templateUuid"], `This template is ${template.status}: only approved templates can be sent`);
    return;
  }
  if (template) {
    const expected = countTemplateVariables(template.text);
    if (form.variables.length !== expected) {
      issue(["variables"], `This template takes ${expected} value${expected === 1 ? "" : "s"}`);
    }
  }
  // Unknown templates (the list could not be read) take the header the agent chose.
  if (template ? templateMediaHeader(template) : form.templateHeader) {
    const problem = httpsUrlProblem(form.mediaUrls.template);
    if (problem) issue(["mediaUrls", "template"], problem);
  }
  form.variables.forEach((variable, index) => {
    const problem = templateValueProblem(variable.value);
    if (problem) issue(["variables", index, "value"], problem);
  });
  if (!form.optin) {
    issue(["optin"], "Confirm that the customer opted in: Callbell requires it for every template");
  }
}

function checkMetadata(rows: ComposeFormValues["metadata"], issue: Issue) {
  if (rows.length > METADATA_MAX_PAIRS) {
    issue(["metadata"], `At most ${METADATA_MAX_PAIRS} metadata pairs`);
  }
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === "") issue(["metadata", index, "key"], "Enter a key");
    else if (key.length > METADATA_KEY_MAX_LENGTH) {
      issue(["metadata", index, "key"], `At most ${METADATA_KEY_MAX_LENGTH} characters`);
    } else if (seen.has(key)) issue(["metadata", index, "key"], "This key is already used");
    seen.add(key);
    if (row.value.length > METADATA_VALUE_MAX_LENGTH) {
      issue(["metadata", index, "value"], `At most ${METADATA_VALUE_MAX_LENGTH} characters`);
    }
  });
}
