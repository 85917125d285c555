import { BOT_STATUS_VALUES } from "@/lib/callbell/types";
import { RECIPIENT_ID_MAX_LENGTH } from "@/lib/messages/limits";
import { BSUID_MAX_LENGTH } from "@/lib/messages/recipient";
import { SANDBOX_CHANNELS, SANDBOX_PLATFORMS, SANDBOX_TEMPLATES } from "./data";

const TYPES = ["text", "image", "document", "video"];

const blank = (value: unknown) => value === undefined || value === null || value === "";

/**
 * The field errors Callbell (or, stricter where noted, the sandbox) gives a `POST /messages/send` body; empty when
 * it is valid. Required as documented in 2026: from, type, content, channel_uuid, and one of to or bsuid.
 */
export function validateSend(body: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  if (blank(body.to) && blank(body.bsuid)) add("to", "can't be blank unless bsuid is given");
  for (const field of ["from", "type", "content", "channel_uuid"]) {
    if (blank(body[field])) add(field, "can't be blank");
  }
  // Every field read as text must be text: `{"toString": {}}` is JSON too, and String() of it throws.
  for (const field of ["to", "bsuid", "from", "type", "channel_uuid", "template_uuid", "bot_status"]) {
    if (!blank(body[field]) && typeof body[field] !== "string") add(field, "must be a string");
  }
  if (Object.keys(errors).length > 0) return errors;
  const from = body.from as string | undefined;
  if (from !== undefined && !(SANDBOX_PLATFORMS as readonly string[]).includes(from))
    add("from", "is not a supported channel");
  if (body.type !== undefined && !TYPES.includes(body.type as string))
    add("type", "is not a valid message type");
  // Sandbox limits, as Bellhop's own (callers cannot make the simulator keep megabytes per message).
  if (typeof body.to === "string" && body.to.length > RECIPIENT_ID_MAX_LENGTH)
    add("to", `is too long (maximum is ${RECIPIENT_ID_MAX_LENGTH} characters)`);
  if (typeof body.bsuid === "string" && body.bsuid.length > BSUID_MAX_LENGTH)
    add("bsuid", `is too long (maximum is ${BSUID_MAX_LENGTH} characters)`);
  // A BSUID is a WhatsApp identity: sending one with another platform is a caller's mistake.
  if (!blank(body.bsuid) && from !== undefined && from !== "whatsapp") {
    add("bsuid", "can only be used with from: whatsapp");
  }

  const content = body.content as Record<string, unknown> | undefined;
  if (content !== undefined && (typeof content !== "object" || content === null))
    add("content", "must be an object");
  else if (content) {
    if (body.type === "text" && !body.template_uuid && !(typeof content.text === "string" && content.text)) {
      add("content", "text can't be blank");
    }
    if (body.type !== "text" && !(typeof content.url === "string" && /^https?:\/\//.test(content.url))) {
      add("content", "url must be a valid URL");
    }
  }

  if (body.template_uuid !== undefined) {
    const template = SANDBOX_TEMPLATES.find((t) => t.uuid === body.template_uuid);
    if (!template) add("template_uuid", "not found");
    else if (template.status !== "approved") add("template_uuid", "is not approved");
    if (body.optin_contact !== true) add("optin_contact", "must be true when sending a template message");
  }
  if (
    body.template_values !== undefined &&
    (!Array.isArray(body.template_values) || body.template_values.some((v) => typeof v !== "string"))
  ) {
    add("template_values", "must be an array of strings");
  }
  if (!blank(body.channel_uuid)) {
    const problem = channelProblem(body.channel_uuid as string, from);
    if (problem) add("channel_uuid", problem);
  }
  if (body.bot_status !== undefined && !(BOT_STATUS_VALUES as readonly unknown[]).includes(body.bot_status)) {
    add("bot_status", `must be ${BOT_STATUS_VALUES.join(" or ")}`);
  }

  if (body.metadata !== undefined) {
    const metadata = body.metadata;
    if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata))
      add("metadata", "must be an object");
    else {
      const entries = Object.entries(metadata);
      if (entries.length > 10) add("metadata", "must have at most 10 keys");
      for (const [key, value] of entries) {
        if (key.length > 50) add("metadata", "key is too long (maximum is 50 characters)");
        if (typeof value !== "string") add("metadata", "must be string");
        else if (value.length > 500) add("metadata", "value is too long (maximum is 500 characters)");
      }
    }
  }
  return errors;
}

/** Why a channel cannot send this message, or null. The platform check is the sandbox's own, to catch mix-ups. */
function channelProblem(uuid: string, from: string | undefined): string | null {
  const channel = SANDBOX_CHANNELS.find((c) => c.uuid === uuid);
  if (!channel) return "does not match any channel of this account";
  if (channel.discardedAt)
    return `is the discarded channel "${channel.title}": it can no longer send messages`;
  if (from !== undefined && channel.type !== from) {
    return `is the ${channel.type} channel "${channel.title}", which cannot send a message from ${from}: pick a ${from} channel (GET /channels?type=${from})`;
  }
  return null;
}
