import { describe, expect, it } from "vitest";
import {
  createComposeSchema,
  emptyComposeForm,
  parseComposeForm,
  type ComposeFormValues,
} from "./compose-schema";
import { METADATA_MAX_PAIRS, TEXT_MAX_LENGTH } from "./limits";
import type { TemplateSummary } from "./template";

const templates: TemplateSummary[] = [
  {
    uuid: "t1",
    title: "One",
    text: "Hi {{1}}",
    templateType: "text",
    category: "UTILITY",
    status: "approved",
  },
  {
    uuid: "t2",
    title: "Img",
    text: "Hi {{1}} {{2}}",
    templateType: "image",
    category: "UTILITY",
    status: "approved",
  },
  { uuid: "t3", title: "Pending", text: "Hi", templateType: "text", category: "UTILITY", status: "pending" },
];
const schema = createComposeSchema({ templates });
const form = (patch: Partial<ComposeFormValues>) => ({
  ...emptyComposeForm("k"),
  to: "+31612345678",
  text: "Hi",
  ...patch,
});
/** The browser's resolver schema and the server's reading must find the same problems: every case checks both. */
const errorsOf = (value: unknown) => {
  const result = schema.safeParse(value);
  const browser = result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  const read = parseComposeForm(value, { templates });
  const server = read.success
    ? {}
    : Object.fromEntries(read.problems.map((p) => [p.path.join("."), p.message]));
  expect(server).toEqual(browser);
  if (read.success) expect(read.data).toEqual(value);
  return browser;
};

describe("the compose schema", () => {
  it("accepts a valid text message", () => expect(errorsOf(form({}))).toEqual({}));
  it("rejects a WhatsApp number without country code", () =>
    expect(errorsOf(form({ to: "0612345678" }))).toHaveProperty("to"));
  it("accepts spaces, dashes and a leading 00", () =>
    expect(errorsOf(form({ to: "0031 6-1234 5678" }))).toEqual({}));
  it("accepts a platform identifier on Instagram", () =>
    expect(errorsOf(form({ platform: "instagram", to: "ig_user_1" }))).toEqual({}));
  it(`caps text at ${TEXT_MAX_LENGTH} characters`, () => {
    expect(errorsOf(form({ text: "x".repeat(TEXT_MAX_LENGTH) }))).toEqual({});
    expect(errorsOf(form({ text: "x".repeat(TEXT_MAX_LENGTH + 1) }))).toHaveProperty("text");
  });
  it("wants an https media URL for the chosen type only", () => {
    const media = { ...emptyComposeForm().mediaUrls, image: "http://example.com/a.jpg" };
    expect(errorsOf(form({ type: "image", mediaUrls: media }))).toHaveProperty(["mediaUrls.image"]);
    expect(errorsOf(form({ type: "text", mediaUrls: media }))).toEqual({});
  });
  it("requires opt-in and exactly one value per placeholder for a template", () => {
    const errors = errorsOf(form({ type: "template", templateUuid: "t1", variables: [] }));
    expect(errors).toHaveProperty("optin");
    expect(errors).toHaveProperty("variables");
  });
  it("checks template values: no newline, at most 4 spaces in a row", () => {
    expect(
      errorsOf(form({ type: "template", templateUuid: "t1", optin: true, variables: [{ value: "a\nb" }] })),
    ).toHaveProperty(["variables.0.value"]);
    expect(
      errorsOf(
        form({ type: "template", templateUuid: "t1", optin: true, variables: [{ value: "a     b" }] }),
      ),
    ).toHaveProperty(["variables.0.value"]);
    expect(
      errorsOf(form({ type: "template", templateUuid: "t1", optin: true, variables: [{ value: "a    b" }] })),
    ).toEqual({});
  });
  it("asks for the media URL of a media-header template", () => {
    const errors = errorsOf(
      form({
        type: "template",
        templateUuid: "t2",
        optin: true,
        variables: [{ value: "a" }, { value: "b" }],
      }),
    );
    expect(errors).toHaveProperty(["mediaUrls.template"]);
  });
  it("refuses a template that is not approved", () => {
    expect(errorsOf(form({ type: "template", templateUuid: "t3", optin: true }))).toHaveProperty(
      "templateUuid",
    );
  });
  it("checks metadata: unique keys, at most ten pairs", () => {
    expect(
      errorsOf(
        form({
          metadata: [
            { key: "a", value: "1" },
            { key: "a", value: "2" },
          ],
        }),
      ),
    ).toHaveProperty(["metadata.1.key"]);
    const many = Array.from({ length: METADATA_MAX_PAIRS + 1 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(errorsOf(form({ metadata: many }))).toHaveProperty("metadata");
  });
  it("checks the assignee's email", () =>
    expect(errorsOf(form({ assignedUser: "not-an-email" }))).toHaveProperty("assignedUser"));
});

describe("the server's reading of a form", () => {
  it("reports a form of the wrong shape by field, as the schema does", () => {
    expect(errorsOf({ ...form({}), type: "sticker", optin: "yes" })).toMatchObject({
      type: expect.any(String),
      optin: expect.any(String),
    });
    expect(errorsOf(null)).toHaveProperty([""]);
  });
});
