/** The sandbox account: enough channels, teams and templates to try every kind of send. */
export const SANDBOX_CHANNELS = [
  { uuid: "a1f0c3d2e4b54c6d8e9f0a1b2c3d4e5f", title: "Support line", type: "whatsapp", main: true },
  { uuid: "b2e1d4c3-f5a6-4b7c-9d8e-0f1a2b3c4d5e", title: "Sales line", type: "whatsapp", main: false },
];

export const SANDBOX_TEAMS = [
  { uuid: "c3d2e5f4a6b74c8d9e0f1a2b3c4d5e6f", name: "Support", default: true, members: 2 },
  { uuid: "d4e3f6a5b7c84d9e0f1a2b3c4d5e6f70", name: "Billing", default: false, members: 1 },
];

export const SANDBOX_MEMBERS: Record<string, { email: string; name: string; available: boolean }[]> = {
  c3d2e5f4a6b74c8d9e0f1a2b3c4d5e6f: [
    { email: "ana.support@example.com", name: "Ana Support", available: true },
    { email: "ben.support@example.com", name: "Ben Support", available: false },
  ],
  d4e3f6a5b7c84d9e0f1a2b3c4d5e6f70: [
    { email: "carla.billing@example.com", name: "Carla Billing", available: true },
  ],
};

const createdAt = "2026-01-15T09:00:00.000Z";

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
} as const;

export const SANDBOX_CONTACTS = [
  {
    uuid: "e7a8b9c0d1e24f3a8b9c0d1e2f3a4b5c",
    name: "Olivia Open",
    phoneNumber: SANDBOX_CONTACT_RECIPIENTS.windowOpen,
    tags: ["vip", "returning"],
    assignedUser: "ana.support@example.com",
    /** Hours ago the customer wrote, then we answered an hour later. */
    lastReceivedHoursAgo: 2,
  },
  {
    uuid: "f8b9c0d1e2f34a5b9c0d1e2f3a4b5c6d",
    name: "Carl Closed",
    phoneNumber: SANDBOX_CONTACT_RECIPIENTS.windowClosed,
    tags: ["newsletter"],
    assignedUser: null,
    lastReceivedHoursAgo: 48,
  },
] as const;
