import { BOT_STATUS_VALUES, type BotStatus } from "@/lib/callbell/types";

/** The choices the compose form offers, with the values Callbell expects. */
export const PLATFORMS = [
  { value: "whatsapp", label: "WhatsApp" },
  { value: "instagram", label: "Instagram" },
  { value: "facebook", label: "Messenger" },
  { value: "telegram", label: "Telegram" },
] as const;
export type Platform = (typeof PLATFORMS)[number]["value"];
export const PLATFORM_VALUES = PLATFORMS.map((p) => p.value) as [Platform, ...Platform[]];

export const MESSAGE_TYPES = [
  { value: "text", label: "Text" },
  { value: "image", label: "Image" },
  { value: "document", label: "Document" },
  { value: "audio", label: "Audio" },
  { value: "video", label: "Video" },
  { value: "template", label: "Template" },
] as const;
/** The type as the agent chose it; audio and video still travel as Callbell's `document`. */
export type MessageType = (typeof MESSAGE_TYPES)[number]["value"];
export const MESSAGE_TYPE_VALUES = MESSAGE_TYPES.map((t) => t.value) as [MessageType, ...MessageType[]];
export type MediaType = Extract<MessageType, "image" | "document" | "audio" | "video">;

const BOT_STATUS_LABELS: Record<BotStatus, string> = { bot_start: "Start bot", bot_end: "Stop bot" };
export const BOT_STATUSES = [
  { value: "", label: "Unchanged" },
  ...BOT_STATUS_VALUES.map((value) => ({ value, label: BOT_STATUS_LABELS[value] })),
] as const satisfies readonly { value: BotStatusChoice; label: string }[];
export type BotStatusChoice = "" | BotStatus;

export function platformLabel(platform: string): string {
  return PLATFORMS.find((p) => p.value === platform)?.label ?? platform;
}

export function messageTypeLabel(type: string): string {
  return MESSAGE_TYPES.find((t) => t.value === type)?.label ?? type;
}
