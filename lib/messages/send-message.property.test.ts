import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { testDatabase } from "@/lib/db/testing";
import { emptyComposeForm, type ComposeFormValues } from "./compose-form";
import { sendComposedMessage, type SendDependencies } from "./send-message";

/** The send action is a public endpoint: whatever is posted to it gets a typed answer, and bad input stays here. */
async function setup() {
  const db = await testDatabase();
  let calls = 0;
  const deps: SendDependencies = {
    db: db,
    client: createCallbellClient({
      baseUrl: "https://api.example/v1",
      token: "t",
      timeoutMs: 1000,
      fetch: async () => {
        calls++;
        return Response.json({ message: { uuid: "u1", status: "enqueued" } });
      },
      sleep: async () => {},
    }),
    loadTemplates: async () => [],
    loadChannels: async (platform) => [{ uuid: "chan-main", title: "Main", type: platform, main: true }],
    waitForInFlightMs: 1000,
    sender: null,
  };
  return { deps, calls: () => calls };
}

const valid: ComposeFormValues = {
  ...emptyComposeForm("00000000-0000-4000-8000-000000000000"),
  to: "+31612345678",
  text: "Hello",
};

/** A value of the wrong kind for any field of the form (strings, booleans, arrays of rows and the URL object). */
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer(), { minLength: 1 }),
  fc.record({ unexpected: fc.string() }),
);

describe("the send action's input, whatever it is", () => {
  it("answers anything at all with a typed error and never calls Callbell", async () => {
    const { deps, calls } = await setup();
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }),
        async (input) => {
          const result = await sendComposedMessage(input, deps);
          expect(result.kind).toBe("invalid");
        },
      ),
      { numRuns: 300 },
    );
    expect(calls()).toBe(0);
  });

  it("answers a form with one field of the wrong kind, or missing, with a typed error", async () => {
    const { deps, calls } = await setup();
    const keys = Object.keys(valid) as (keyof ComposeFormValues)[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.option(wrongValue), async (key, value) => {
        const input: Record<string, unknown> = { ...valid };
        if (value === null) delete input[key];
        else input[key] = value;
        const result = await sendComposedMessage(input, deps);
        expect(result.kind).toBe("invalid");
      }),
      { numRuns: 300 },
    );
    expect(calls()).toBe(0);
  });

  it("answers well-typed but unsendable values with field errors, and sends only valid forms", async () => {
    const { deps, calls } = await setup();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.string({ maxLength: 5000 }),
        fc.string(),
        async (to, text, assignedUser) => {
          const input = { ...valid, to, text, assignedUser, idempotencyKey: crypto.randomUUID() };
          const result = await sendComposedMessage(input, deps);
          expect(["invalid", "enqueued"]).toContain(result.kind);
          if (result.kind === "invalid") expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0);
          if (result.kind === "enqueued") sent++;
        },
      ),
      { numRuns: 200 },
    );
    expect(calls()).toBe(sent);
  });
});
