/**
 * Callbell's documented response examples (callbell-api.md and the public docs repository, docs/api/reference/…),
 * as the contract test compares the simulator's answers with them.
 */

// messages_api/post_send_messages.md, "Example Response (with `fields=conversation,contact`)"; the plain and
// `fields=contact` examples are the same message without one or both extras.
export const sendWithExtras = {
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
export const messageStatus = {
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
export const templates = {
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
export const template = {
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
export const channels = {
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
export const teams = {
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
export const members = {
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
export const contactByPhone = {
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
export const contactByBsuid = {
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
export const contactMessages = {
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
export const me = {
  status: "ok",
  user_email: "john_doe@email.com",
  user_name: "John Doe",
  api_key: "test_1234567890",
};

// errors.md documents no body; callbell-api.md records the code seen in the wild, with the usual `error` sentence.
export const walletDepleted = {
  error: "The WhatsApp wallet has no credit",
  code: "whatsapp_wallet_depleted_credit",
};

// Custom fields are keyed by the account's own field names.
export const contactOptions = { optional: ["contact.bsuid"], maps: ["contact.customFields"] };
