import { describe, expect, it } from "vitest";
import { buildSendRequest } from "./build-send-request";
import { composeFormFromRequest } from "./compose-from-request";
import { emptyComposeForm, type ComposeFormValues } from "./compose-form";
import type { TemplateSummary } from "./template";
import { templateValueCount } from "./template-values";

const template = (text: string, templateType = "text"): TemplateSummary => ({
  uuid: "tpl",
  title: "T",
  text,
  templateType,
  category: "UTILITY",
  status: "approved",
});
const form = (patch: Partial<ComposeFormValues>): ComposeFormValues => ({
  ...emptyComposeForm("first"),
  to: "+31612345678",
  channelUuid: "chan-1",
  ...patch,
});
const urls = (patch: Partial<ComposeFormValues["mediaUrls"]>) => ({
  ...emptyComposeForm().mediaUrls,
  ...patch,
});

const CASES: [string, ComposeFormValues, TemplateSummary?][] = [
  [
    "text with every option",
    form({
      text: "Hello *there*",
      assignedUser: "ana@example.com",
      teamUuid: "team-1",
      botStatus: "bot_end",
      returnContact: true,
      metadata: [
        { key: "customer_id", value: "123" },
        { key: "source", value: "bellhop" },
      ],
    }),
  ],
  [
    "image with caption",
    form({ type: "image", mediaUrls: urls({ image: "https://x.test/a.png" }), caption: "Look" }),
  ],
  ["image without caption", form({ type: "image", mediaUrls: urls({ image: "https://x.test/a.png" }) })],
  ["document", form({ type: "document", mediaUrls: urls({ document: "https://x.test/a.pdf" }) })],
  ["audio", form({ type: "audio", mediaUrls: urls({ audio: "https://x.test/a.mp3" }) })],
  [
    "video on Telegram",
    form({
      platform: "telegram",
      to: "@jane",
      type: "video",
      mediaUrls: urls({ video: "https://x.test/a.mp4" }),
    }),
  ],
  [
    "template, one value",
    form({ type: "template", templateUuid: "tpl", variables: [{ value: "Jo" }], optin: true }),
    template("Hi {{1}}"),
  ],
  [
    "template, no value",
    form({ type: "template", templateUuid: "tpl", optin: true }),
    template("We are closed today."),
  ],
  [
    "template, several values and an image header",
    form({
      type: "template",
      templateUuid: "tpl",
      variables: [{ value: "Jack" }, { value: "template" }, { value: "Cheers" }],
      mediaUrls: urls({ template: "https://x.test/h.jpeg" }),
      optin: true,
    }),
    template("{{1}} {{2}} {{3}}", "image"),
  ],
  [
    "a template typed by hand (the list was unreadable), with a video header",
    form({
      type: "template",
      templateUuid: "by-hand",
      templateHeader: "video",
      variables: [{ value: "a" }, { value: "b" }],
      mediaUrls: urls({ template: "https://x.test/v.mp4" }),
      optin: true,
    }),
  ],
];

describe("Send again rebuilds the form of a stored request", () => {
  it.each(CASES)("%s: the rebuilt form sends the same body", (_name, original, tpl) => {
    const sent = buildSendRequest(original, tpl);
    const stored = JSON.parse(JSON.stringify(sent));
    const sentAs = { messageType: original.type, templateValueCount: templateValueCount(original) };
    const rebuilt = composeFormFromRequest(stored, sentAs, "second", tpl);
    expect(buildSendRequest(rebuilt, tpl)).toEqual(sent);
    expect(rebuilt.idempotencyKey).toBe("second");
    expect(rebuilt.type).toBe(original.type);
  });

  it("keeps what it can of a body from an older version", () => {
    const rebuilt = composeFormFromRequest(
      { to: "+31612345678", from: "pigeon", content: "x" },
      { messageType: "mystery", templateValueCount: null },
      "k",
    );
    expect(rebuilt).toMatchObject({ to: "+31612345678", platform: "whatsapp", type: "text", text: "" });
  });
});
