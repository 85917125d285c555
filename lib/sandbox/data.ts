/** The platforms Callbell sends on; `from` in a send and `type` of a channel (Messenger is `facebook`). */
export const SANDBOX_PLATFORMS = ["whatsapp", "instagram", "facebook", "telegram"] as const;
export type SandboxPlatform = (typeof SANDBOX_PLATFORMS)[number];

/** A channel as `GET /channels` shows it; `discardedAt` is a boolean in Callbell's example, whatever its table says. */
export type SandboxChannel = {
  uuid: string;
  title: string;
  type: SandboxPlatform;
  main: boolean;
  discardedAt: boolean;
};

/** The sandbox account: channels of every platform, teams and templates to try every kind of send. */
export const SANDBOX_CHANNELS: readonly SandboxChannel[] = [
  {
    uuid: "a1f0c3d2e4b54c6d8e9f0a1b2c3d4e5f",
    title: "Support line",
    type: "whatsapp",
    main: true,
    discardedAt: false,
  },
  {
    uuid: "b2e1d4c3-f5a6-4b7c-9d8e-0f1a2b3c4d5e",
    title: "Sales line",
    type: "whatsapp",
    main: false,
    discardedAt: false,
  },
  {
    uuid: "c0ffee00d15ca4de4a11c0ffee00d15c",
    title: "Old number",
    type: "whatsapp",
    main: false,
    discardedAt: true,
  },
  {
    uuid: "1a2b3c4d5e6f40718293a4b5c6d7e8f9",
    title: "Instagram shop",
    type: "instagram",
    main: true,
    discardedAt: false,
  },
  {
    uuid: "2b3c4d5e6f7a41829304b5c6d7e8f9a0",
    title: "Facebook page",
    type: "facebook",
    main: true,
    discardedAt: false,
  },
  {
    uuid: "3c4d5e6f7a8b4293a415c6d7e8f9a0b1",
    title: "Telegram bot",
    type: "telegram",
    main: true,
    discardedAt: false,
  },
];

const createdAt = "2026-01-15T09:00:00Z";

export const SANDBOX_TEAMS = [
  { uuid: "c3d2e5f4a6b74c8d9e0f1a2b3c4d5e6f", name: "Support", createdAt, default: true, members: 2 },
  { uuid: "d4e3f6a5b7c84d9e0f1a2b3c4d5e6f70", name: "Billing", createdAt, default: false, members: 1 },
];

export type SandboxMember = {
  email: string;
  name: string;
  available: boolean;
  lastUpdatedAt: string;
  /** Only for a member who set a custom status, as in Callbell's example. */
  userCustomStatus?: { updatedAt: string; id: string; name: string; emoji: string };
};

export const SANDBOX_MEMBERS: Record<string, SandboxMember[]> = {
  c3d2e5f4a6b74c8d9e0f1a2b3c4d5e6f: [
    { email: "ana.support@example.com", name: "Ana Support", available: true, lastUpdatedAt: createdAt },
    {
      email: "ben.support@example.com",
      name: "Ben Support",
      available: false,
      lastUpdatedAt: createdAt,
      userCustomStatus: {
        updatedAt: createdAt,
        id: "5b0e7c1a-3f2d-4e8b-9a6c-1d2e3f4a5b6c",
        name: "Lunch break",
        emoji: "🥪",
      },
    },
  ],
  d4e3f6a5b7c84d9e0f1a2b3c4d5e6f70: [
    { email: "carla.billing@example.com", name: "Carla Billing", available: true, lastUpdatedAt: createdAt },
  ],
};

export const SANDBOX_TEMPLATES = [
  {
    uuid: "d980fb66fd5043d3ace1aa06ba044342",
    title: "Order ready",
    text: "Hello {{1}}, your order is ready for pickup.",
    templateType: "text",
    category: "UTILITY",
    status: "approved",
    createdAt,
  },
  {
    uuid: "e1a2b3c4d5e64f708192a3b4c5d6e7f8",
    title: "Welcome series",
    text: "Hello {{1}}, this is a template {{2}} example. {{3}}!",
    templateType: "text",
    category: "MARKETING",
    status: "approved",
    createdAt,
  },
  {
    uuid: "f2b3c4d5e6f7408192a3b4c5d6e7f809",
    title: "Office closed",
    text: "Our office is closed today. We will answer your message tomorrow morning.",
    templateType: "text",
    category: "UTILITY",
    status: "approved",
    createdAt,
  },
  {
    uuid: "a3c4d5e6f7084192a3b4c5d6e7f8091a",
    title: "New product (image)",
    text: "Meet our new {{1}}! Reply to this message to order one.",
    templateType: "image",
    category: "MARKETING",
    status: "approved",
    createdAt,
  },
  {
    uuid: "b4d5e6f708194a3b4c5d6e7f8091a2b3",
    title: "Invoice (document)",
    text: "Hi {{1}}, your invoice {{2}} is attached.",
    templateType: "document",
    category: "UTILITY",
    status: "approved",
    createdAt,
  },
  {
    uuid: "c5e6f708192a4b4c5d6e7f8091a2b3c4",
    title: "Getting started (video)",
    text: "Watch how to get started, {{1}}.",
    templateType: "video",
    category: "MARKETING",
    status: "approved",
    createdAt,
  },
  {
    uuid: "d6f708192a3b4c5d6e7f8091a2b3c4d5",
    title: "Spring sale",
    text: "Spring sale: {{1}} off everything until Sunday.",
    templateType: "text",
    category: "MARKETING",
    status: "pending",
    createdAt,
  },
];

/** Recipients that fail on purpose, documented in the README for training and automated runs. */
export const SANDBOX_MAGIC_RECIPIENTS = {
  /** 400 with a field error on `to`. */
  rejected: "+15550000400",
  /** 401, as for a bad token. */
  badToken: "+15550000401",
  /** 402: the WhatsApp wallet has no credit. */
  noCredit: "+15550000402",
  /** 429 once, then accepted. */
  rateLimitedOnce: "+15550000429",
  /** 500, Callbell's internal error. */
  serverError: "+15550000500",
  /** No answer until the client gives up: the outcome is unknown. */
  noAnswer: "+15550000408",
  /** Enqueued, then `failed` a few seconds later with a reason. */
  failsLater: "+15550000999",
} as const;

/** Customers the simulator knows, for the contact card and the 24-hour window. Any other number has no contact. */
export const SANDBOX_CONTACT_RECIPIENTS = {
  /** Wrote 2 hours ago: the window is open for 22 more hours. */
  windowOpen: "+15550000100",
  /** Last wrote 48 hours ago: the window closed a day ago, only templates can be sent. */
  windowClosed: "+15550000101",
  /** Wrote 5 hours ago, but our answers and notes since then fill the first page of the conversation. */
  busy: "+15550000102",
  /** A WhatsApp username-privacy customer: known by BSUID only, no phone number; wrote 3 hours ago. */
  bsuid: "US.13491208655302741918",
} as const;

/** The business's own WhatsApp number, as Callbell writes it in a conversation's `from`/`to`. */
export const SANDBOX_BUSINESS_NUMBER = "15550001000";

/** One line of a conversation, `hoursAgo` before now; a note is an agent's internal remark. */
export type SandboxConversationLine = {
  hoursAgo: number;
  status: "sent" | "received" | "note";
  text: string;
};

export type SandboxContact = {
  uuid: string;
  name: string;
  /** Digits without `+`, as Callbell formats it; null for a customer known by BSUID only. */
  phoneNumber: string | null;
  /** Only for WhatsApp Cloud API contacts with a known one, as Callbell documents. */
  bsuid?: string;
  createdAt: string;
  tags: string[];
  assignedUser: string | null;
  customFields: Record<string, string>;
  /** Newest first, as `GET /contacts/:uuid/messages` lists it. */
  conversation: SandboxConversationLine[];
};

export const SANDBOX_CONTACTS: readonly SandboxContact[] = [
  {
    uuid: "e7a8b9c0d1e24f3a8b9c0d1e2f3a4b5c",
    name: "Olivia Open",
    phoneNumber: "15550000100",
    bsuid: "NL.72045918273645102938",
    createdAt,
    tags: ["vip", "returning"],
    assignedUser: "ana.support@example.com",
    customFields: { City: "Amsterdam" },
    conversation: [
      { hoursAgo: 1, status: "sent", text: "Happy to help!" },
      { hoursAgo: 2, status: "received", text: "Hi, where is my order?" },
    ],
  },
  {
    uuid: "f8b9c0d1e2f34a5b9c0d1e2f3a4b5c6d",
    name: "Carl Closed",
    phoneNumber: "15550000101",
    createdAt,
    tags: ["newsletter"],
    assignedUser: null,
    customFields: {},
    conversation: [
      { hoursAgo: 47, status: "sent", text: "Happy to help!" },
      { hoursAgo: 48, status: "received", text: "Hi, where is my order?" },
    ],
  },
  {
    uuid: "a9c0d1e2f3a44b5c8d9e0f1a2b3c4d5e",
    name: "Bea Busy",
    phoneNumber: "15550000102",
    createdAt,
    tags: ["wholesale"],
    assignedUser: "ben.support@example.com",
    customFields: { City: "Rotterdam" },
    conversation: [
      { hoursAgo: 0.5, status: "sent", text: "The courier has your parcel now." },
      { hoursAgo: 1, status: "note", text: "Conversation was assigned to Ben Support" },
      { hoursAgo: 2, status: "sent", text: "We asked the warehouse and will write back soon." },
      { hoursAgo: 4, status: "sent", text: "Thanks, we are looking into it." },
      { hoursAgo: 5, status: "received", text: "My parcel has not arrived yet." },
      { hoursAgo: 30, status: "received", text: "Hello, I ordered last week." },
    ],
  },
  {
    uuid: "b0d1e2f3a4b54c6d9e0f1a2b3c4d5e6f",
    name: "Uma Username",
    phoneNumber: null,
    bsuid: SANDBOX_CONTACT_RECIPIENTS.bsuid,
    createdAt,
    tags: ["prospect"],
    assignedUser: null,
    customFields: {},
    conversation: [{ hoursAgo: 3, status: "received", text: "Hi! Do you ship to Canada?" }],
  },
];
