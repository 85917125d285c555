import { describe, expect, it } from "vitest";
import type { FieldErrors, ResolverOptions } from "react-hook-form";
import { composeResolver } from "@/components/compose/compose-resolver";
import { emptyComposeForm, restoreComposeForm, type ComposeFormValues } from "./compose-form";
import { composeFieldsSchema, parseComposeForm } from "./compose-schema";
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
const channel = (uuid: string, type: string, main = false) => ({ uuid, title: uuid, type, main });
const channels = {
  whatsapp: [channel("wa-main", "whatsapp", true), channel("wa-2", "whatsapp")],
  instagram: [channel("ig-main", "instagram", true)],
  facebook: [],
  telegram: null,
};
const context = { templates, channels };
const form = (patch: Partial<ComposeFormValues>) => ({
  ...emptyComposeForm("k"),
  to: "+31612345678",
  channelUuid: "wa-main",
  text: "Hi",
  ...patch,
});
const resolve = composeResolver(context);
const resolverOptions = {
  fields: {},
  shouldUseNativeValidation: false,
} as ResolverOptions<ComposeFormValues>;

/** The resolver's nested errors as `path: message`. */
function flatten(errors: FieldErrors, prefix: string[] = []): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== "object") continue;
    const path = key === "root" ? prefix : [...prefix, key];
    if (typeof node.message === "string" && typeof node.type === "string")
      flat[path.join(".")] = node.message;
    else Object.assign(flat, flatten(node as FieldErrors, path));
  }
  return flat;
}

/**
 * The server's reading and the browser's resolver must find the same problems: every case checks both (the resolver
 * only for values of the form's shape, which is all react-hook-form ever gives it).
 */
const errorsOf = async (value: unknown) => {
  const read = parseComposeForm(value, context);
  const server = read.success
    ? {}
    : Object.fromEntries(read.problems.map((p) => [p.path.join("."), p.message]));
  if (read.success) expect(read.data).toEqual(value);
  if (composeFieldsSchema.safeParse(value).success) {
    const resolved = await resolve(value as ComposeFormValues, undefined, resolverOptions);
    expect(flatten(resolved.errors)).toEqual(server);
    expect(resolved.values).toEqual(read.success ? value : {});
  }
  return server;
};

describe("the compose schema", () => {
  it("accepts a valid text message", async () => expect(await errorsOf(form({}))).toEqual({}));
  it("rejects a WhatsApp number without country code", async () =>
    expect(await errorsOf(form({ to: "0612345678" }))).toHaveProperty("to"));
  it("accepts spaces, dashes and a leading 00", async () =>
    expect(await errorsOf(form({ to: "0031 6-1234 5678" }))).toEqual({}));
  it("accepts a platform identifier on Instagram", async () =>
    expect(await errorsOf(form({ platform: "instagram", to: "ig_user_1", channelUuid: "ig-main" }))).toEqual(
      {},
    ));
  it("accepts a BSUID as a WhatsApp recipient, told from a phone number by its first character", async () => {
    expect(await errorsOf(form({ to: "US.13491208655302741918" }))).toEqual({});
    expect(await errorsOf(form({ to: "US.ENT.11815799212886844830" }))).toEqual({});
    expect(await errorsOf(form({ to: "US 1349" }))).toHaveProperty("to");
    expect(await errorsOf(form({ to: "abc" }))).toHaveProperty("to");
    expect(await errorsOf(form({ to: "olivia.shop.ig" }))).toHaveProperty("to");
    // A number with a typo stays a number, and is refused as one.
    expect(await errorsOf(form({ to: "31612345678O" }))).toEqual({
      to: "Enter a phone number with its country code, such as +31 6 12345678, or a BSUID",
    });
    expect(await errorsOf(form({ to: `US.${"1".repeat(200)}` }))).toHaveProperty("to");
  });
  it("refuses line breaks and control characters in a platform identifier", async () =>
    expect(await errorsOf(form({ platform: "instagram", to: "abc\r\ndef", channelUuid: "ig-main" }))).toEqual(
      { to: "No line breaks or control characters" },
    ));
  it("requires a channel of the chosen platform", async () => {
    expect(await errorsOf(form({ channelUuid: "" }))).toEqual({ channelUuid: "Choose a channel" });
    expect(await errorsOf(form({ channelUuid: "ig-main" }))).toEqual({
      channelUuid: "This is not an active WhatsApp channel of your Callbell account",
    });
    expect(await errorsOf(form({ platform: "facebook", to: "psid1", channelUuid: "" }))).toEqual({
      channelUuid: "This Callbell account has no active Messenger channel",
    });
    expect(await errorsOf(form({ platform: "telegram", to: "tg1", channelUuid: "x" }))).toHaveProperty(
      "channelUuid",
      expect.stringContaining("could not be read"),
    );
  });
  it(`caps text at ${TEXT_MAX_LENGTH} characters`, async () => {
    expect(await errorsOf(form({ text: "x".repeat(TEXT_MAX_LENGTH) }))).toEqual({});
    expect(await errorsOf(form({ text: "x".repeat(TEXT_MAX_LENGTH + 1) }))).toHaveProperty("text");
  });
  it("wants an https media URL for the chosen type only", async () => {
    const media = { ...emptyComposeForm().mediaUrls, image: "http://example.com/a.jpg" };
    expect(await errorsOf(form({ type: "image", mediaUrls: media }))).toHaveProperty(["mediaUrls.image"]);
    expect(await errorsOf(form({ type: "text", mediaUrls: media }))).toEqual({});
  });
  it("requires opt-in and exactly one value per placeholder for a template", async () => {
    const errors = await errorsOf(form({ type: "template", templateUuid: "t1", variables: [] }));
    expect(errors).toHaveProperty("optin");
    expect(errors).toHaveProperty("variables");
  });
  it("checks template values: no newline, at most 4 spaces in a row", async () => {
    expect(
      await errorsOf(
        form({ type: "template", templateUuid: "t1", optin: true, variables: [{ value: "a\nb" }] }),
      ),
    ).toHaveProperty(["variables.0.value"]);
    expect(
      await errorsOf(
        form({ type: "template", templateUuid: "t1", optin: true, variables: [{ value: "a     b" }] }),
      ),
    ).toHaveProperty(["variables.0.value"]);
    expect(
      await errorsOf(
        form({ type: "template", templateUuid: "t1", optin: true, variables: [{ value: "a    b" }] }),
      ),
    ).toEqual({});
  });
  it("asks for the media URL of a media-header template", async () => {
    const errors = await errorsOf(
      form({
        type: "template",
        templateUuid: "t2",
        optin: true,
        variables: [{ value: "a" }, { value: "b" }],
      }),
    );
    expect(errors).toHaveProperty(["mediaUrls.template"]);
  });
  it("refuses a template that is not approved", async () => {
    expect(await errorsOf(form({ type: "template", templateUuid: "t3", optin: true }))).toHaveProperty(
      "templateUuid",
    );
  });
  it("checks metadata: unique keys, at most ten pairs", async () => {
    expect(
      await errorsOf(
        form({
          metadata: [
            { key: "a", value: "1" },
            { key: "a", value: "2" },
          ],
        }),
      ),
    ).toHaveProperty(["metadata.1.key"]);
    const many = Array.from({ length: METADATA_MAX_PAIRS + 1 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(await errorsOf(form({ metadata: many }))).toHaveProperty("metadata");
  });
  it("checks the assignee's email", async () =>
    expect(await errorsOf(form({ assignedUser: "not-an-email" }))).toHaveProperty("assignedUser"));
});

describe("the server's reading of a form", () => {
  it("reports a form of the wrong shape by field, as the schema does", async () => {
    expect(await errorsOf({ ...form({}), type: "sticker", optin: "yes" })).toMatchObject({
      type: expect.any(String),
      optin: expect.any(String),
    });
    expect(await errorsOf(null)).toHaveProperty([""]);
  });
});

describe("a draft read back from storage", () => {
  it("keeps a saved form, with the empty value for fields it did not have", () => {
    const saved = form({ type: "template", templateUuid: "t1", variables: [{ value: "Jo" }], optin: true });
    expect(restoreComposeForm(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    const older: Partial<ComposeFormValues> = { ...saved };
    delete older.metadata;
    delete older.mediaUrls;
    expect(restoreComposeForm(older)).toEqual({
      ...saved,
      metadata: [],
      mediaUrls: emptyComposeForm().mediaUrls,
    });
  });
  it("refuses what is not a form", () => {
    expect(restoreComposeForm(null)).toBeNull();
    expect(restoreComposeForm([])).toBeNull();
    expect(restoreComposeForm({ ...form({}), type: "sticker" })).toBeNull();
    expect(restoreComposeForm({ ...form({}), optin: "yes" })).toBeNull();
    expect(restoreComposeForm({ ...form({}), variables: [{ value: 3 }] })).toBeNull();
    expect(restoreComposeForm({ ...form({}), mediaUrls: { image: 1 } })).toBeNull();
  });
});
