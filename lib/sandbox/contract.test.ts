import { describe, expect, it } from "vitest";
import { SANDBOX_CHANNELS, SANDBOX_CONTACT_RECIPIENTS, SANDBOX_CONTACTS, SANDBOX_TEAMS } from "./data";
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

// messages_api/post_send_messages.md, "Example Response (with `fields=conversation,contact`)"; the plain and
// `fields=contact` examples are the same message without one or both extras.
const sendWithExtras = {
  message: {
    uuid: "adf3d1216d4c4dcd908199d6700f2381",
    status: "enqueued",
    conversation: {
      source: "whatsapp",
      href: "https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9",
      createdAt: "2024-09-23T20:09:10Z",
    },
    contact: {
      uuid: "c7b3d1216d4c4dcd908199d6700f2381",
      name: "John Doe",
      phone: "+1234567890",
      email: "john@doe.com",
    },
  },
};

// messages_api/get_message_status.md
const messageStatus = {
  message: {
    uuid: "adf3d1216d4c4dcd908199d6700f2381",
    status: "enqueued",
    messageStatusPayload: {
      id: "2b34bfb7-2631-4763-89fb-1b3c65a4baaa",
      type: "enqueued",
      payload: { type: "session", whatsappMessageId: "gBGGM2MSRxl_AAlqmG1KQXU7nz4" },
      destination: "1122334455",
    },
  },
};

// template_messages_api/get_templates.md
const templates = {
  templates: [
    {
      uuid: "ad42a09715814e6483b1c5debd6a2dbc",
      title: "Template title",
      templateType: "text",
      category: "MARKETING",
      status: "approved",
      text: "Message text",
      createdAt: "2020-11-13T21:08:53Z",
    },
    {
      uuid: "47aad5f9b4ca423c9d630f06ab93fe1f",
      title: "Another Template title",
      templateType: "text",
      category: "MARKETING",
      status: "rejected",
      text: "Another Message text",
      createdAt: "2020-11-13T21:10:33Z",
    },
  ],
  meta: { page: 1, pages: 1 },
};

// template_messages_api/get_template.md
const template = {
  template: {
    uuid: "ad42a09715814e6483b1c5debd6a2dbc",
    title: "Template title",
    templateType: "text",
    category: "MARKETING",
    status: "approved",
    text: "Message text",
    createdAt: "2020-11-13T21:08:53Z",
  },
};

// channels_api/get_channels.md (and the 2026 section of callbell-api.md)
const channels = {
  channels: [
    {
      uuid: "7c996996fea947f4a1d5a11e7fac84db",
      title: "phone_number_1",
      type: "whatsapp",
      main: true,
      discardedAt: false,
    },
    {
      uuid: "dcefe6d18b5c4bbdb0661136c7f63c8e",
      title: "phone_number_2",
      type: "whatsapp",
      main: false,
      discardedAt: true,
    },
    {
      uuid: "759edec71ff440b29fc635c5fac84d4f",
      title: "phone_number_3",
      type: "whatsapp",
      main: false,
      discardedAt: true,
    },
  ],
  meta: { page: 1, pages: 1 },
};

// teams_api/get_teams.md
const teams = {
  teams: [
    {
      uuid: "ad42a09715814e6483b1c5debd6a2dbc",
      name: "General",
      createdAt: "2020-11-13T21:08:53Z",
      default: true,
      members: 2,
    },
    {
      uuid: "47aad5f9b4ca423c9d630f06ab93fe1f",
      name: "Support",
      createdAt: "2020-11-13T21:10:33Z",
      default: false,
      members: 1,
    },
  ],
  meta: { page: 1, pages: 1 },
};

// teams_api/get_team_members.md (the docs' JSON has a trailing comma after the first lastUpdatedAt)
const members = {
  users: [
    { email: "john1@gmail.com", name: "John One", available: true, lastUpdatedAt: "2024-07-17T18:54:49Z" },
    {
      email: "john2@gmail.com",
      name: "John Two",
      available: true,
      lastUpdatedAt: "2024-07-17T18:54:49Z",
      userCustomStatus: {
        updatedAt: "2025-02-04T20:21:31Z",
        id: "0d6041a2-8b88-49ec-a99b-a88a078a16c1",
        name: "Vacationing",
        emoji: "🌴",
      },
    },
  ],
  meta: { page: 1, pages: 1 },
};

// contacts_api/get_contact_by_phone.md
const contactByPhone = {
  contact: {
    uuid: "414a6d692bd645ed803f2e7ce360d4c8",
    name: "John Doe",
    phoneNumber: "+123 456 789",
    avatarUrl: null,
    createdAt: "2020-11-13T21:08:53Z",
    source: "whatsapp",
    href: "https://dash.callbell.eu/contacts/414a6d692bd645ed803f2e7ce360d4c8",
    conversationHref: "https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9",
    tags: ["sales", "lead"],
    assignedUser: null,
    customFields: {
      Address: "Oxford Street 123",
      "Billing Address": "Oxford Street 123",
      VAT: "ABC123DCE456",
    },
  },
};

// contacts_api/get_contact_by_bsuid.md
const contactByBsuid = {
  contact: {
    uuid: "414a6d692bd645ed803f2e7ce360d4c8",
    name: "John Doe",
    phoneNumber: "+123 456 789",
    avatarUrl: null,
    createdAt: "2020-11-13T21:08:53Z",
    source: "whatsapp",
    href: "https://dash.callbell.eu/contacts/414a6d692bd645ed803f2e7ce360d4c8",
    conversationHref: "https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9",
    tags: ["sales", "lead"],
    assignedUser: null,
    customFields: { Address: "Oxford Street 123" },
    bsuid: "bsuid_abc123",
  },
};

// contacts_api/get_contact_messages.md: no `meta`; the note (and, in this example, the received message) has no uuid.
const contactMessages = {
  messages: [
    {
      text: "Hello there how can I help you?",
      createdAt: "2023-12-12T10:56:36Z",
      uuid: "cf839626ac7949879b88bcffd41d34fe",
      status: "sent",
      channel: "whatsapp",
      from: "391234567890",
      to: "390987654321",
    },
    {
      text: "Conversation was assigned to John Doe",
      createdAt: "2023-12-12T10:56:35Z",
      status: "note",
      channel: "whatsapp",
      from: "390987654321",
      to: "390987654321",
    },
    {
      text: "Hello there 👋",
      createdAt: "2023-12-12T10:53:32Z",
      status: "received",
      channel: "whatsapp",
      from: "390987654321",
      to: "391234567890",
    },
  ],
};

// auth_api/me.md
const me = {
  status: "ok",
  user_email: "john_doe@email.com",
  user_name: "John Doe",
  api_key: "test_1234567890",
};

// errors.md documents no body; callbell-api.md records the code seen in the wild, with the usual `error` sentence.
const walletDepleted = {
  error: "The WhatsApp wallet has no credit",
  code: "whatsapp_wallet_depleted_credit",
};

// Custom fields are keyed by the account's own field names.
const contactOptions = { optional: ["contact.bsuid"], maps: ["contact.customFields"] };

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
