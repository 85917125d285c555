import { describe, expect, it } from "vitest";
import type { BroadcastRow, RecipientRow } from "@/lib/db/schema";
import { buildSendRequest } from "@/lib/messages/build-send-request";
import { parseComposeForm } from "@/lib/messages/compose-schema";
import type { TemplateSummary } from "@/lib/messages/template";
import { recipientComposeForm } from "./send-recipient";

const template: TemplateSummary = {
  uuid: "tpl-outage",
  title: "Outage notice",
  text: "Hello {{1}}, the service is down until {{2}}.",
  templateType: "text",
  category: "UTILITY",
  status: "approved",
};

const broadcast = {
  id: 7,
  platform: "whatsapp",
  channelUuid: "chan-main",
  templateUuid: "tpl-outage",
  templateHeader: "",
  mediaUrl: null,
} as BroadcastRow;

const recipient = {
  id: 41,
  rowNumber: 12,
  phone: "+31612345678",
  values: JSON.stringify(["Jo", "5 pm"]),
  mediaUrl: null,
  attempts: 2,
} as RecipientRow;

describe("a broadcast row as a send", () => {
  it("passes the compose form's own schema and builds Callbell's template request with the row's metadata", () => {
    const form = recipientComposeForm(broadcast, recipient);
    // One history entry per row, whatever its attempts.
    expect(form.idempotencyKey).toBe("broadcast7-row41");
    const parsed = parseComposeForm(form, {
      templates: [template],
      channels: { whatsapp: [{ uuid: "chan-main", title: "Main", type: "whatsapp", main: true }] },
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
    expect(buildSendRequest(parsed.data, template)).toEqual({
      to: "+31612345678",
      from: "whatsapp",
      type: "text",
      channel_uuid: "chan-main",
      template_uuid: "tpl-outage",
      optin_contact: true,
      content: { text: "Jo" },
      template_values: ["Jo", "5 pm"],
      metadata: { bellhop_broadcast: "7", bellhop_row: "12" },
    });
  });
});
