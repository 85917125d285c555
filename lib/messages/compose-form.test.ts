import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regexes } from "zod/v4/core";
import { EMAIL_PATTERN, emptyComposeForm, restoreComposeForm } from "./compose-form";
import { composeFieldsSchema } from "./compose-schema";

/** A stored draft as the browser might hold it: a form with some fields changed to values of any kind. */
const draft = fc
  .record({
    changes: fc.dictionary(
      fc.constantFrom(...Object.keys(emptyComposeForm())),
      fc.oneof(
        fc.anything(),
        fc.constantFrom(
          "whatsapp",
          "telegram",
          "pigeon",
          "text",
          "template",
          "image",
          "",
          "bot_start",
          "bot_x",
        ),
        fc.array(fc.record({ value: fc.string() })),
        fc.array(fc.record({ key: fc.string(), value: fc.oneof(fc.string(), fc.integer()) })),
        fc.record({ image: fc.string(), document: fc.oneof(fc.string(), fc.constant(1)) }),
        fc.boolean(),
      ),
    ),
    drop: fc.subarray(Object.keys(emptyComposeForm())),
  })
  .map(({ changes, drop }) => {
    const form: Record<string, unknown> = { ...emptyComposeForm("k"), ...changes };
    for (const key of drop) delete form[key];
    return form;
  });

describe("the compose form without zod", () => {
  it("checks emails by zod's own rule", () => {
    expect(EMAIL_PATTERN.source).toBe(regexes.email.source);
  });

  it("restores exactly the drafts that the server's schema takes as a form", () => {
    fc.assert(
      fc.property(draft, (stored) => {
        const restored = restoreComposeForm(stored);
        // A restored draft is the empty form with the stored fields laid over it: what the schema must accept.
        const laidOver = { ...emptyComposeForm(), ...stored };
        const accepted = composeFieldsSchema.safeParse(laidOver).success;
        expect(restored !== null).toBe(accepted);
        if (restored) expect(composeFieldsSchema.parse(restored)).toEqual(restored);
      }),
      { numRuns: 500 },
    );
  });
});
