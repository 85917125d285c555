import type { createBroadcast } from "@/lib/db/broadcast-queries";
import type { SendResult } from "@/lib/messages/send-result";

/** A broadcast as the tests start it: Ana's outage notice on WhatsApp, 10 a second. */
export const OUTAGE_NOTICE: Parameters<typeof createBroadcast>[1] = {
  name: "Outage notice",
  createdById: "u1",
  createdByEmail: "ana@example.com",
  platform: "whatsapp",
  channelUuid: null,
  templateUuid: "t1",
  templateTitle: "Outage",
  templateHeader: "",
  mediaUrl: null,
  ratePerSecond: 10,
  retryOfId: null,
};

/** Callbell's 429, as the send use-case reports it. */
export const RATE_LIMITED: SendResult = {
  kind: "rejected",
  sendId: null,
  status: 429,
  notDelivered: false,
  message: "Too many requests",
  fieldErrors: {},
};
