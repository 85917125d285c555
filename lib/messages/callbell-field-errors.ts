import type { ComposeFormValues } from "./compose-form";

/** How a field error from Callbell starts, so that the form tells it from its own. */
export const CALLBELL_FIELD_ERROR_PREFIX = "Callbell: ";

/** Where a field Callbell complains about lives in the compose form. */
export function formPathForCallbellField(
  field: string,
  form: Pick<ComposeFormValues, "type">,
): string | null {
  switch (field) {
    case "to":
      return "to";
    case "from":
      return "platform";
    case "type":
      return "type";
    case "content":
      if (form.type === "text") return "text";
      if (form.type === "template") return "variables";
      return `mediaUrls.${form.type}`;
    case "template_uuid":
      return "templateUuid";
    case "template_values":
      return "variables";
    case "optin_contact":
      return "optin";
    case "channel_uuid":
      return "channelUuid";
    case "assigned_user":
      return "assignedUser";
    case "team_uuid":
      return "teamUuid";
    case "bot_status":
      return "botStatus";
    case "metadata":
      return "metadata";
    default:
      return null;
  }
}

export function mapCallbellFieldErrors(
  fieldErrors: Record<string, string[]>,
  form: Pick<ComposeFormValues, "type">,
): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const path = formPathForCallbellField(field, form);
    if (path && messages.length > 0)
      mapped[path] = `${CALLBELL_FIELD_ERROR_PREFIX}${field} ${messages.join(", ")}`;
  }
  return mapped;
}
