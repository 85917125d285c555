import { describe, expect, it } from "vitest";
import { buildSendRequest } from "./build-send-request";
import { emptyComposeForm, type ComposeFormValues } from "./compose-form";
import type { TemplateSummary } from "./template";

// Today's API requires channel_uuid on every send (the 2024 examples predate it): the channel of Callbell's own
// `GET /channels` example.
const CHANNEL = "7c996996fea947f4a1d5a11e7fac84db";
const form = (patch: Partial<ComposeFormValues>): ComposeFormValues => ({
  ...emptyComposeForm("key-12345678"),
  to: "+31612345678",
  channelUuid: CHANNEL,
  ...patch,
});
const media = (patch: Partial<ComposeFormValues["mediaUrls"]>) => ({
  ...emptyComposeForm().mediaUrls,
  ...patch,
});
const template = (patch: Partial<TemplateSummary>): TemplateSummary => ({
  uuid: "d980fb66fd5043d3ace1aa06ba044342",
  title: "T",
  text: "Hello {{1}}",
  templateType: "text",
  category: "UTILITY",
  status: "approved",
  ...patch,
});
const base = { to: "+31612345678", from: "whatsapp", channel_uuid: CHANNEL };

describe("buildSendRequest reproduces the official examples", () => {
  it("text", () => {
    expect(buildSendRequest(form({ text: "Hello!" }))).toEqual({
      to: "+31612345678",
      from: "whatsapp",
      type: "text",
      content: { text: "Hello!" },
      channel_uuid: CHANNEL,
    });
  });
  it("image", () => {
    const body = buildSendRequest(
      form({ type: "image", mediaUrls: media({ image: "https://example.com/my_image.jpeg" }) }),
    );
    expect(body).toEqual({ ...base, type: "image", content: { url: "https://example.com/my_image.jpeg" } });
  });
  it("image with caption", () => {
    const body = buildSendRequest(
      form({
        type: "image",
        caption: "This is my caption",
        mediaUrls: media({ image: "https://example.com/my_image.jpeg" }),
      }),
    );
    expect(body).toEqual({
      ...base,
      type: "image",
      content: { url: "https://example.com/my_image.jpeg", text: "This is my caption" },
    });
  });
  it("document", () => {
    const body = buildSendRequest(
      form({ type: "document", mediaUrls: media({ document: "https://example.com/my_image.pdf" }) }),
    );
    expect(body).toEqual({ ...base, type: "document", content: { url: "https://example.com/my_image.pdf" } });
  });
  it("audio is sent as a document", () => {
    const body = buildSendRequest(
      form({ type: "audio", mediaUrls: media({ audio: "https://example.com/my_audio.mp3" }) }),
    );
    expect(body).toEqual({ ...base, type: "document", content: { url: "https://example.com/my_audio.mp3" } });
  });
  it("video is sent as a document", () => {
    const body = buildSendRequest(
      form({ type: "video", mediaUrls: media({ video: "https://example.com/my_video.mp4" }) }),
    );
    expect(body).toEqual({ ...base, type: "document", content: { url: "https://example.com/my_video.mp4" } });
  });
  it("a one-variable template puts its value in content.text", () => {
    const body = buildSendRequest(
      form({
        type: "template",
        templateUuid: "d980fb66fd5043d3ace1aa06ba044342",
        variables: [{ value: "John Doe" }],
        optin: true,
      }),
      template({}),
    );
    expect(body).toEqual({
      ...base,
      type: "text",
      content: { text: "John Doe" },
      template_uuid: "d980fb66fd5043d3ace1aa06ba044342",
      optin_contact: true,
    });
  });
  it("a several-variable template sends template_values with the first also in content.text", () => {
    const body = buildSendRequest(
      form({
        type: "template",
        templateUuid: "d980fb66fd5043d3ace1aa06ba044342",
        variables: [{ value: "Jack" }, { value: "template" }, { value: "Cheers" }],
        optin: true,
      }),
      template({ text: "Hello {{1}}, this is a template {{2}} example. {{3}}!" }),
    );
    expect(body).toEqual({
      ...base,
      type: "text",
      content: { text: "Jack" },
      template_uuid: "d980fb66fd5043d3ace1aa06ba044342",
      optin_contact: true,
      template_values: ["Jack", "template", "Cheers"],
    });
  });
  it.each(["image", "document", "video"] as const)(
    "a %s-header template sends its type and content.url",
    (header) => {
      const body = buildSendRequest(
        form({
          type: "template",
          templateUuid: "d980fb66fd5043d3ace1aa06ba044342",
          variables: [{ value: "John Doe" }],
          mediaUrls: media({ template: "https://example.com/valid_image.jpeg" }),
          optin: true,
        }),
        template({ templateType: header }),
      );
      expect(body).toEqual({
        ...base,
        type: header,
        content: { text: "John Doe", url: "https://example.com/valid_image.jpeg" },
        template_uuid: "d980fb66fd5043d3ace1aa06ba044342",
        optin_contact: true,
      });
    },
  );
  it("metadata values travel as strings", () => {
    const body = buildSendRequest(
      form({
        text: "Hi",
        metadata: [
          { key: "customer_id", value: "123456" },
          { key: "sent_from", value: "backend_api" },
        ],
      }),
    );
    expect(body.metadata).toEqual({ customer_id: "123456", sent_from: "backend_api" });
  });
  it("assignment, channel, team, fields and bot status", () => {
    const body = buildSendRequest(
      form({
        text: "Hi",
        assignedUser: "john.doe@email.com",
        channelUuid: "ch1",
        teamUuid: "team1",
        returnContact: true,
        botStatus: "bot_end",
      }),
    );
    expect(body).toMatchObject({
      assigned_user: "john.doe@email.com",
      channel_uuid: "ch1",
      team_uuid: "team1",
      fields: "contact",
      bot_status: "bot_end",
    });
  });
  it("normalises a typed WhatsApp number and omits what was not chosen", () => {
    const body = buildSendRequest(form({ to: "0031 (6) 12-34.56.78", text: "Hi" }));
    expect(body).toEqual({
      to: "+31612345678",
      from: "whatsapp",
      type: "text",
      content: { text: "Hi" },
      channel_uuid: CHANNEL,
    });
  });
  it("a BSUID recipient travels as bsuid, and to is left out", () => {
    const body = buildSendRequest(form({ to: " US.13491208655302741918 ", text: "Hi" }));
    expect(body).toEqual({
      bsuid: "US.13491208655302741918",
      from: "whatsapp",
      type: "text",
      content: { text: "Hi" },
      channel_uuid: CHANNEL,
    });
  });
  it("a platform identifier is never read as a BSUID off WhatsApp", () => {
    const body = buildSendRequest(form({ platform: "instagram", to: "ig_user_1", text: "Hi" }));
    expect(body).toMatchObject({ to: "ig_user_1", from: "instagram" });
    expect(body).not.toHaveProperty("bsuid");
  });
});
