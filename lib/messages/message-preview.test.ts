import { describe, expect, it } from "vitest";
import { emptyComposeForm, type ComposeFormValues } from "./compose-form";
import { describeMediaUrl, messagePreview, UNFILLED_CLOSE, UNFILLED_OPEN } from "./message-preview";
import type { TemplateSummary } from "./template";

const form = (patch: Partial<ComposeFormValues>): ComposeFormValues => ({
  ...emptyComposeForm("k"),
  ...patch,
});
const template: TemplateSummary = {
  uuid: "t1",
  title: "Order",
  text: "Hi {{1}}, order {{2}} ships {{1}}.",
  templateType: "image",
  category: "UTILITY",
  status: "approved",
};

describe("message preview", () => {
  it("puts each value in place and marks the unfilled ones", () => {
    const preview = messagePreview(
      form({ type: "template", variables: [{ value: "Ann" }, { value: " " }] }),
      template,
    );
    expect(preview.text).toBe(`Hi Ann, order ${UNFILLED_OPEN}2${UNFILLED_CLOSE} ships Ann.`);
  });

  it("shows a media header even before its URL is typed", () => {
    expect(messagePreview(form({ type: "template" }), template).media).toEqual({ kind: "image", url: "" });
  });

  it("shows an image with its caption, and a file without text", () => {
    const images = {
      ...emptyComposeForm().mediaUrls,
      image: " https://x.test/a.png ",
      audio: "https://x.test/b.mp3",
    };
    expect(messagePreview(form({ type: "image", mediaUrls: images, caption: "*Look*" }), undefined)).toEqual({
      media: { kind: "image", url: "https://x.test/a.png" },
      text: "*Look*",
    });
    expect(messagePreview(form({ type: "audio", mediaUrls: images }), undefined)).toEqual({
      media: { kind: "audio", url: "https://x.test/b.mp3" },
      text: "",
    });
  });

  it("names a file and its kind from the URL", () => {
    expect(describeMediaUrl("https://x.test/files/Invoice%20May.PDF?x=1", "document")).toEqual({
      name: "Invoice May.PDF",
      label: "PDF document",
    });
    expect(describeMediaUrl("https://x.test/download", "video")).toEqual({
      name: "download",
      label: "Video",
    });
    expect(describeMediaUrl("not a url", "audio")).toEqual({ name: "file", label: "Audio" });
  });
});
