import { describe, expect, it } from "vitest";
import type { TemplateSummary } from "@/lib/messages/template";
import { sentMessagePreview } from "./sent-preview";

const send = { messageType: "text", templateUuid: null, templateTitle: null, templateValueCount: null };
const template: TemplateSummary = {
  uuid: "t1",
  title: "Order ready",
  text: "Hi {{1}}, order {{2}} is ready.",
  templateType: "image",
  category: "UTILITY",
  status: "approved",
};
const templateSend = {
  messageType: "template",
  templateUuid: "t1",
  templateTitle: "Order ready",
  templateValueCount: 2,
  requestBody: JSON.stringify({
    type: "image",
    template_uuid: "t1",
    content: { text: "Jo", url: "https://x.test/box.png" },
    template_values: ["Jo", "42"],
  }),
};

describe("the message as the customer saw it", () => {
  it("shows a text, and an image with its caption, as the compose preview did", () => {
    expect(
      sentMessagePreview({ ...send, requestBody: '{"type":"text","content":{"text":"Hello"}}' }),
    ).toEqual({
      media: null,
      text: "Hello",
    });
    expect(
      sentMessagePreview({
        ...send,
        messageType: "image",
        requestBody: '{"type":"image","content":{"text":"Look","url":"https://x.test/a.png"}}',
      }),
    ).toEqual({ media: { kind: "image", url: "https://x.test/a.png" }, text: "Look" });
  });

  it("fills a known template's text with the values sent, and its media header", () => {
    expect(sentMessagePreview(templateSend, template)).toEqual({
      media: { kind: "image", url: "https://x.test/box.png" },
      text: "Hi Jo, order 42 is ready.",
    });
  });

  it("names a template whose text is no longer known by its title and values", () => {
    expect(sentMessagePreview(templateSend)).toEqual({
      media: { kind: "image", url: "https://x.test/box.png" },
      text: "Order ready: Jo | 42",
    });
  });
});
