import { describe, expect, it } from "vitest";
import { SANDBOX_CHANNELS, SANDBOX_CONTACT_RECIPIENTS, SANDBOX_CONTACTS, SANDBOX_TEAMS } from "./data";
import {
  sendWithExtras,
  messageStatus,
  templates,
  template,
  channels,
  teams,
  members,
  contactByPhone,
  contactByBsuid,
  contactMessages,
  me,
  walletDepleted,
  contactOptions,
} from "./documented-examples";
import { shapeDifferences, type ShapeOptions } from "./same-shape";
import { handleSandboxRequest } from "./simulator";

/**
 * The simulator against Callbell's documented examples (callbell-api.md and the public docs repository,
 * docs/api/reference/…): same keys, value types and nesting. Webhooks are covered in their own test.
 */

const call = async (path: string, init: RequestInit = {}) => {
  const response = await handleSandboxRequest(
    new Request(`http://sandbox/v1${path}`, {
      ...init,
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
    }),
  );
  return { status: response.status, body: (await response.json()) as unknown };
};

const supportLine = SANDBOX_CHANNELS.find((c) => c.type === "whatsapp" && c.main)!.uuid;

const sendText = (extra: Record<string, unknown> = {}) =>
  call("/messages/send", {
    method: "POST",
    body: JSON.stringify({
      to: "+31612345678",
      from: "whatsapp",
      type: "text",
      channel_uuid: supportLine,
      content: { text: "Hello!" },
      ...extra,
    }),
  });

async function expectShape(path: string, example: unknown, options?: ShapeOptions) {
  const { status, body } = await call(path);
  expect(status, path).toBe(200);
  expect(shapeDifferences(example, body, options)).toEqual([]);
}

describe("the sandbox matches Callbell's documented examples", () => {
  it("POST /messages/send, plain and with fields=contact and fields=conversation,contact", async () => {
    const { conversation, ...withContact } = sendWithExtras.message;
    const { contact, ...plain } = withContact;
    expect(conversation && contact).toBeTruthy();
    for (const [fields, example] of [
      [undefined, { message: plain }],
      ["contact", { message: withContact }],
      ["conversation,contact", sendWithExtras],
    ] as const) {
      const { status, body } = await sendText(fields ? { fields } : {});
      expect(status).toBe(200);
      expect(shapeDifferences(example, body)).toEqual([]);
    }
  });

  it("GET /messages/status/:uuid", async () => {
    const { body } = await sendText();
    const { uuid } = (body as { message: { uuid: string } }).message;
    await expectShape(`/messages/status/${uuid}`, messageStatus);
  });

  it("GET /templates and GET /templates/:uuid", async () => {
    await expectShape("/templates", templates);
    await expectShape("/templates/d980fb66fd5043d3ace1aa06ba044342", template);
  });

  it("GET /channels, unfiltered and filtered", async () => {
    await expectShape("/channels", channels);
    await expectShape("/channels?type=telegram&active=true&page=1", channels);
  });

  it("GET /teams and GET /teams/:uuid/members", async () => {
    await expectShape("/teams", teams);
    for (const team of SANDBOX_TEAMS) await expectShape(`/teams/${team.uuid}/members`, members);
  });

  it("GET /contacts/phone/:phone for every contact with a phone number", async () => {
    for (const contact of SANDBOX_CONTACTS.filter((c) => c.phoneNumber)) {
      await expectShape(`/contacts/phone/${contact.phoneNumber}`, contactByPhone, contactOptions);
    }
  });

  it("GET /contacts/bsuid/:bsuid for every contact with a BSUID", async () => {
    const withBsuid = SANDBOX_CONTACTS.filter((c) => c.bsuid);
    expect(withBsuid.map((c) => c.bsuid)).toContain(SANDBOX_CONTACT_RECIPIENTS.bsuid);
    for (const contact of withBsuid) {
      // A customer known by BSUID only has no phone number, which is what this endpoint is for.
      await expectShape(`/contacts/bsuid/${contact.bsuid}`, contactByBsuid, {
        maps: ["contact.customFields"],
        nullable: contact.phoneNumber === null ? ["contact.phoneNumber"] : [],
      });
    }
  });

  it("GET /contacts/:uuid/messages for every contact", async () => {
    for (const contact of SANDBOX_CONTACTS)
      await expectShape(`/contacts/${contact.uuid}/messages`, contactMessages);
  });

  it("GET /auth/me", async () => expectShape("/auth/me", me));

  it("the 402 of a depleted WhatsApp wallet", async () => {
    const { status, body } = await sendText({ to: "+15550000402" });
    expect(status).toBe(402);
    expect(shapeDifferences(walletDepleted, body)).toEqual([]);
    expect(body).toMatchObject({ code: "whatsapp_wallet_depleted_credit" });
  });
});
