/**
 * The compose form's values and rules without zod, so the browser does not download a schema library for one form
 * (even zod/mini for the form's shape alone outweighs this whole module): the shape is zod's business on the server
 * (compose-schema.ts), the rules are shared, and a unit test holds `restoreComposeForm` to the schema.
 */
import type { ChannelSummary } from "@/lib/callbell/types";
import { countOf } from "@/lib/format/plural";
import {
  CAPTION_MAX_LENGTH,
  METADATA_KEY_MAX_LENGTH,
  METADATA_MAX_PAIRS,
  METADATA_VALUE_MAX_LENGTH,
  TEXT_MAX_LENGTH,
} from "./limits";
import {
  BOT_STATUSES,
  MESSAGE_TYPE_VALUES,
  PLATFORM_VALUES,
  platformLabel,
  type MediaType,
  type Platform,
} from "./options";
import { recipientProblem } from "./recipient";
import {
  TEMPLATE_MEDIA_HEADERS,
  countTemplateVariables,
  isSendableTemplate,
  templateMediaHeader,
  type TemplateSummary,
} from "./template";
import { mediaUrlProblem, templateValueProblem } from "./value-rules";
import type { ComposeFormValues } from "./compose-schema";

export type { ComposeFormValues };

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

export type ComposeContext = {
  /** The account's templates, or null when they could not be loaded (variables are then taken as typed). */
  templates: TemplateSummary[] | null;
  /**
   * Each platform's active channels; null (or absent) when they could not be read. Every send names a channel of
   * its platform, so without the list nothing can be checked, and nothing is sent.
   */
  channels: Partial<Record<Platform, ChannelSummary[] | null>>;
};

export function findTemplate(context: ComposeContext, uuid: string): TemplateSummary | undefined {
  return context.templates?.find((template) => template.uuid === uuid);
}

/**
 * An email address, by the rule zod's `z.email()` uses (a unit test holds them equal): importing zod's would put
 * zod's core on the compose page for one regular expression.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const isEmail = (value: string) => EMAIL_PATTERN.test(value);

/** One problem with the form: the field it concerns (its path) and what to say there. */
export type ComposeProblem = { path: (string | number)[]; message: string };

/**
 * Every rule of the compose form beyond its shape, reported through `issue`: the browser's resolver and the server's
 * reading (`parseComposeForm`) both apply it, so they find the same problems.
 */
export function checkComposeForm(form: ComposeFormValues, context: ComposeContext, issue: Issue) {
  const recipient = recipientProblem(form.platform, form.to);
  if (recipient) issue(["to"], recipient);
  const channel = channelProblem(form, context);
  if (channel) issue(["channelUuid"], channel);

  switch (form.type) {
    case "text":
      if (form.text.trim() === "") issue(["text"], "Enter a message");
      else if (form.text.length > TEXT_MAX_LENGTH) issue(["text"], `At most ${TEXT_MAX_LENGTH} characters`);
      break;
    case "image":
    case "document":
    case "audio":
    case "video": {
      const problem = mediaUrlProblem(form.mediaUrls[form.type as MediaType], form.type as MediaType);
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

  if (form.assignedUser.trim() !== "" && !isEmail(form.assignedUser.trim())) {
    issue(["assignedUser"], "Enter the email of a member of your Callbell team");
  }

  checkMetadata(form.metadata, issue);
}

export type Issue = (path: (string | number)[], message: string) => void;

/** Callbell requires `channel_uuid`, and the channel must be one of the chosen platform's. */
function channelProblem(form: ComposeFormValues, context: ComposeContext): string | null {
  const channels = context.channels[form.platform];
  const platform = platformLabel(form.platform);
  if (!channels) {
    return `The ${platform} channels could not be read from Callbell, so the message cannot name its channel: try again`;
  }
  if (channels.length === 0) return `This Callbell account has no active ${platform} channel`;
  if (form.channelUuid === "") return "Choose a channel";
  if (!channels.some((channel) => channel.uuid === form.channelUuid)) {
    return `This is not an active ${platform} channel of your Callbell account`;
  }
  return null;
}

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
      issue(["variables"], `This template takes ${countOf(expected, "value")}`);
    }
  }
  // Unknown templates (the list could not be read) take the header the agent chose.
  const header = template ? templateMediaHeader(template) : form.templateHeader || null;
  if (header) {
    const problem = mediaUrlProblem(form.mediaUrls.template, header);
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

/**
 * A draft read back from the browser's storage: the empty form with every stored field of the right kind laid over it
 * (fields added since the draft was saved keep their empty value); null when the text is not a form at all.
 */
export function restoreComposeForm(stored: unknown): ComposeFormValues | null {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return null;
  const draft = stored as Record<string, unknown>;
  const form = emptyComposeForm() as Record<string, unknown>;
  const oneOf = (values: readonly string[]) => (value: unknown) =>
    typeof value === "string" && values.includes(value);
  const rows = (keys: string[]) => (value: unknown) =>
    Array.isArray(value) &&
    value.every(
      (row) => typeof row === "object" && row !== null && keys.every((key) => typeof row[key] === "string"),
    );
  const kinds: Partial<Record<keyof ComposeFormValues, (value: unknown) => boolean>> = {
    platform: oneOf(PLATFORM_VALUES),
    type: oneOf(MESSAGE_TYPE_VALUES),
    templateHeader: oneOf(["", ...TEMPLATE_MEDIA_HEADERS]),
    botStatus: oneOf(BOT_STATUSES.map((status) => status.value)),
    variables: rows(["value"]),
    metadata: rows(["key", "value"]),
    mediaUrls: (value) =>
      typeof value === "object" &&
      value !== null &&
      Object.keys(form.mediaUrls as object).every(
        (key) => typeof (value as Record<string, unknown>)[key] === "string",
      ),
  };
  // Only the form's own keys are kept, in rows and media URLs too, as the server's schema keeps them.
  const pick = (value: unknown, keys: string[]) =>
    Object.fromEntries(keys.map((name) => [name, (value as Record<string, unknown>)[name]]));
  const kept = (key: keyof ComposeFormValues, value: unknown) => {
    if (key === "mediaUrls") return pick(value, Object.keys(form.mediaUrls as object));
    if (key === "variables") return (value as unknown[]).map((row) => pick(row, ["value"]));
    if (key === "metadata") return (value as unknown[]).map((row) => pick(row, ["key", "value"]));
    return value;
  };
  for (const key of Object.keys(form) as (keyof ComposeFormValues)[]) {
    if (!(key in draft)) continue;
    const value = draft[key];
    const fits = kinds[key] ?? ((candidate: unknown) => typeof candidate === typeof form[key]);
    if (!fits(value)) return null;
    form[key] = kept(key, value);
  }
  return form as ComposeFormValues;
}
