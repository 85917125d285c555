import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { findSendById, iterateSends } from "@/lib/db/queries";
import { testDatabase } from "@/lib/db/testing";
import { exportedVariables } from "@/lib/history/csv";
import { composeFormFromRequest } from "./compose-from-request";
import { emptyComposeForm } from "./compose-form";
import { sendComposedMessage, type SendDependencies } from "./send-message";
import type { TemplateSummary } from "./template";
import { readSentTemplateValues, readTemplateValues, type StoredTemplateValues } from "./template-values";

const template = (text: string): TemplateSummary => ({
  uuid: "tpl",
  title: "T",
  text,
  templateType: "text",
  category: "UTILITY",
  status: "approved",
});

async function sendTemplate(tpl: TemplateSummary, values: string[]) {
  const db = await testDatabase();
  const client = createCallbellClient({
    baseUrl: "https://api.example/v1",
    token: "t",
    timeoutMs: 1000,
    fetch: async () => Response.json({ message: { uuid: "u1", status: "enqueued" } }),
    sleep: async () => {},
  });
  const deps: SendDependencies = {
    db,
    client,
    loadTemplates: async () => [tpl],
    loadChannels: async (platform) => [
      { uuid: `${platform}-main`, title: "Main", type: platform, main: true },
    ],
    waitForInFlightMs: 2000,
    sender: null,
  };
  const form = {
    ...emptyComposeForm("idem-key-0001"),
    to: "+31612345678",
    channelUuid: "whatsapp-main",
    type: "template" as const,
    templateUuid: "tpl",
    variables: values.map((value) => ({ value })),
    optin: true,
  };
  const result = await sendComposedMessage(form, deps);
  if (result.kind !== "enqueued") throw new Error(JSON.stringify(result));
  return { db, row: (await findSendById(db, result.sendId))! };
}

const CASES: [string, TemplateSummary, string[]][] = [
  ["a template without variables", template("We are closed today."), []],
  ["a template with one variable", template("Hi {{1}}, your order is ready."), ["Jo"]],
  [
    "a template with several variables",
    template("Hello {{1}}, a {{2}} example. {{3}}!"),
    ["Jack", "template", "Cheers"],
  ],
];

describe("every reader of a stored send finds the template values that were sent", () => {
  it.each(CASES)("%s", async (_name, tpl, values) => {
    const { db, row } = await sendTemplate(tpl, values);
    expect(row.templateValueCount).toBe(values.length);
    // The history detail page.
    expect(readSentTemplateValues(row)).toEqual(values);
    // The CSV export, read by SQL.
    const exported: string[] = [];
    for await (const batch of iterateSends(db, {})) exported.push(...batch.map(exportedVariables));
    expect(exported).toEqual([values.join(" | ")]);
    // Send again, with and without Callbell's template list.
    const stored = JSON.parse(row.requestBody);
    for (const known of [tpl, undefined]) {
      const form = composeFormFromRequest(stored, row, "k", known);
      expect(form.variables.map((v) => v.value)).toEqual(values);
    }
  });
});

describe("readTemplateValues", () => {
  const stored = (patch: Partial<StoredTemplateValues>): StoredTemplateValues => ({
    templateUuid: "tpl",
    valueCount: null,
    templateValues: undefined,
    contentText: undefined,
    ...patch,
  });

  it("reads what the recorded count says was sent", () => {
    const closed = stored({ contentText: "We are closed today." });
    expect(readTemplateValues({ ...closed, valueCount: 0 })).toEqual([]);
    expect(readTemplateValues({ ...closed, valueCount: 1 })).toEqual(["We are closed today."]);
    const several = stored({ valueCount: 2, contentText: "Jo", templateValues: ["Jo", "42"] });
    expect(readTemplateValues(several)).toEqual(["Jo", "42"]);
    // The count is what was sent: a template changed since does not rewrite it.
    expect(readTemplateValues({ ...closed, valueCount: 1 }, template("No values now"))).toEqual([
      "We are closed today.",
    ]);
  });

  it("reads a send recorded before the count was kept as sensibly as it can", () => {
    expect(readTemplateValues(stored({ contentText: "Jo", templateValues: ["Jo", "42"] }))).toEqual([
      "Jo",
      "42",
    ]);
    // With the template known, its placeholders say whether the text is a value.
    expect(readTemplateValues(stored({ contentText: "We are closed." }), template("We are closed."))).toEqual(
      [],
    );
    expect(readTemplateValues(stored({ contentText: "Jo" }), template("Hi {{1}}"))).toEqual(["Jo"]);
    // Without it, a text WhatsApp would refuse as a value is the template's own; any other is taken as the value.
    expect(readTemplateValues(stored({ contentText: "Closed today.\nBack tomorrow." }))).toEqual([]);
    expect(readTemplateValues(stored({ contentText: "" }))).toEqual([]);
    expect(readTemplateValues(stored({ contentText: "Jo" }))).toEqual(["Jo"]);
  });

  it("finds no values in a send that is not a template's, or whose body cannot be read", () => {
    expect(readTemplateValues(stored({ templateUuid: null, valueCount: 1, contentText: "Hello" }))).toEqual(
      [],
    );
    const row = { templateUuid: "t", templateValueCount: null };
    expect(readSentTemplateValues({ ...row, requestBody: "not json" })).toEqual([]);
    expect(readSentTemplateValues({ ...row, requestBody: "null" })).toEqual([]);
    expect(
      readSentTemplateValues({ ...row, requestBody: JSON.stringify({ content: { text: 42 } }) }),
    ).toEqual([]);
    expect(
      readSentTemplateValues({ ...row, requestBody: JSON.stringify({ content: { text: "Jo" } }) }),
    ).toEqual(["Jo"]);
  });
});
