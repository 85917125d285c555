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

/** One delivery from Callbell's webhook log, without its payload: that holds customer data and stays on the server. */
export type WebhookDelivery = {
  event: string;
  success: boolean;
  /** The HTTP status Bellhop (or whatever the webhook points at) answered; null when Callbell gives none. */
  code: number | null;
  createdAt: string;
};

export type WebhookDeliveryPage = { events: WebhookDelivery[]; pages: number };

export type WebhookDeliveryQuery = { status?: "failed" | "success"; page?: number; items?: number };
