import type { TemplateSummary } from "@/lib/messages/template";

export type { TemplateSummary };

export type ChannelSummary = { uuid: string; title: string; type: string; main: boolean };
export type TeamSummary = { uuid: string; name: string; default: boolean };
export type TeamMember = { email: string; name: string; available: boolean };
export type AccountIdentity = { email: string; name: string };

export type SendResponse = {
  uuid: string;
  status: string;
  contact?: { uuid?: string; name?: string; phone?: string; email?: string };
  raw: unknown;
};

export type MessageStatus = { uuid: string; status: string; payload: unknown };
