import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { testDatabase } from "@/lib/db/testing";
import { previewSendRequest } from "./build-send-request";
import { emptyComposeForm, type ComposeFormValues } from "./compose-form";
import { sendComposedMessage } from "./send-message";
import type { TemplateSummary } from "./template";

// The compose page's request preview and the server's send build their body with one function; these tests hold
// the preview to what really leaves for Callbell, the opt-in box included (issue 21, item 7).
const TEMPLATES: TemplateSummary[] = [
  {
    uuid: "tpl-welcome",
    title: "Welcome series",
    text: "Hi {{1}}, welcome to {{2}}. {{3}}",
    templateType: "text",
    category: "MARKETING",
    status: "approved",
  },
  {
    uuid: "tpl-image",
    title: "New product",
    text: "Look at our new {{1}}",
    templateType: "image",
    category: "MARKETING",
    status: "approved",
  },
];

async function send(form: ComposeFormValues) {
  const sent: unknown[] = [];
  const client = createCallbellClient({
    baseUrl: "https://api.example/v1",
    token: "t",
    timeoutMs: 1000,
    fetch: async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return Response.json({ message: { uuid: "u1", status: "enqueued" } });
    },
    sleep: async () => {},
  });
  const result = await sendComposedMessage(form, {
    db: await testDatabase(),
    client,
    loadTemplates: async () => TEMPLATES,
    loadChannels: async (platform) => [{ uuid: "chan-main", title: "Main", type: platform, main: true }],
    waitForInFlightMs: 2000,
    sender: null,
  });
  return { result, sent };
}

const form = (patch: Partial<ComposeFormValues>): ComposeFormValues => ({
  ...emptyComposeForm("idem-key-0001"),
  to: "+31612345678",
  channelUuid: "chan-main",
  ...patch,
});

describe("the request preview is the body the send carries", () => {
  const cases: [string, ComposeFormValues][] = [
    ["a text with every option", form({ text: "Hi", assignedUser: "ana@example.com", botStatus: "bot_end" })],
    [
      "a template with three values, opted in",
      form({
        type: "template",
        templateUuid: "tpl-welcome",
        variables: [{ value: "Jo" }, { value: "Bellhop" }, { value: "Cheers" }],
        optin: true,
        metadata: [{ key: "order", value: "42" }],
      }),
    ],
    [
      "a media-header template, opted in",
      form({
        type: "template",
        templateUuid: "tpl-image",
        variables: [{ value: "shoe" }],
        mediaUrls: { ...emptyComposeForm().mediaUrls, template: "https://example.com/shoe.jpg" },
        optin: true,
      }),
    ],
  ];
  for (const [name, values] of cases) {
    it(name, async () => {
      const { result, sent } = await send(values);
      expect(result).toMatchObject({ kind: "enqueued" });
      expect(sent).toEqual([previewSendRequest(values, TEMPLATES)]);
    });
  }

  it("claims no opt-in while the box is unticked, and such a form is not sent", async () => {
    const unticked = form({ type: "template", templateUuid: "tpl-image", variables: [{ value: "shoe" }] });
    expect(previewSendRequest(unticked, TEMPLATES)).not.toHaveProperty("optin_contact");
    const { result, sent } = await send(unticked);
    expect(result).toMatchObject({ kind: "invalid", fieldErrors: { optin: expect.any(String) } });
    expect(sent).toEqual([]);
  });
});
