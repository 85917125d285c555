import type { ChannelSummary } from "@/lib/callbell/types";
import { PLATFORMS, platformLabel, type Platform } from "./options";

/** One platform's channels as read from Callbell, or why they could not be read. */
export type ChannelList = { ok: true; channels: ChannelSummary[] } | { ok: false; error: string };

/** Every platform's active channels: each is read on its own (`GET /channels?type=…`) and may fail on its own. */
export type AccountChannels = Record<Platform, ChannelList>;

/** The channels a platform offers, or null when they could not be read. */
export function channelsOf(account: AccountChannels, platform: Platform): ChannelSummary[] | null {
  const list = account[platform];
  return list?.ok ? list.channels : null;
}

/** What Compose preselects: the platform's main channel, else its first active one. */
export function defaultChannel(channels: ChannelSummary[] | null): ChannelSummary | undefined {
  return channels?.find((channel) => channel.main) ?? channels?.[0];
}

/** The channel to keep for a platform: the one asked for when the platform has it, else the platform's default. */
export function channelFor(account: AccountChannels, platform: Platform, wanted: string): string {
  const channels = channelsOf(account, platform);
  if (channels?.some((channel) => channel.uuid === wanted)) return wanted;
  return defaultChannel(channels)?.uuid ?? "";
}

/** Why a platform cannot be chosen to send on now, or null when it has a channel. */
export function platformUnavailableReason(account: AccountChannels, platform: Platform): string | null {
  const list = account[platform];
  if (!list) return `${platformLabel(platform)} channels were not read`;
  if (!list.ok) return `${platformLabel(platform)} channels could not be read from Callbell (${list.error})`;
  if (list.channels.length === 0)
    return `This Callbell account has no active ${platformLabel(platform)} channel`;
  return null;
}

/**
 * How Bellhop names a channel, on every page (issue 21): its title, with "(main)" after the platform's main one.
 * Where channels of several platforms share one list (the history's filter), the platform is named too, as every
 * platform has a main channel of its own: "Support line (WhatsApp, main)".
 */
export function channelLabel(
  channel: Pick<ChannelSummary, "title" | "main"> & { type?: string },
  { platform = false }: { platform?: boolean } = {},
): string {
  const notes = [platform && channel.type ? platformLabel(channel.type) : null, channel.main ? "main" : null];
  const said = notes.filter(Boolean).join(", ");
  return said ? `${channel.title} (${said})` : channel.title;
}

/** Every channel that was read, of every platform (for names in the history). */
export function allChannels(account: AccountChannels): ChannelSummary[] {
  return PLATFORMS.flatMap((platform) => channelsOf(account, platform.value) ?? []);
}
