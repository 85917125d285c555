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

export const BOT_STATUSES = [
  { value: "", label: "Unchanged" },
  { value: "bot_start", label: "Start bot" },
  { value: "bot_end", label: "Stop bot" },
] as const;
export type BotStatusChoice = (typeof BOT_STATUSES)[number]["value"];

export function platformLabel(platform: string): string {
  return PLATFORMS.find((p) => p.value === platform)?.label ?? platform;
}

export function messageTypeLabel(type: string): string {
  return MESSAGE_TYPES.find((t) => t.value === type)?.label ?? type;
}
