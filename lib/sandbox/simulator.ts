import {
  SANDBOX_CHANNELS,
  SANDBOX_CONTACTS,
  SANDBOX_MAGIC_RECIPIENTS as MAGIC,
  SANDBOX_MEMBERS,
  SANDBOX_TEAMS,
  SANDBOX_TEMPLATES,
} from "./data";
import {
  deliverSandboxWebhook,
  sandboxWebhookUrl,
  subscribeRoute,
  subscribeSandboxWebhook,
  unsubscribeRoute,
  unsubscribeSandboxWebhook,
  webhookEventsRoute,
} from "./webhook-account";
import { messageCreatedEvent, messageStatusUpdatedEvent, type WebhookEvent } from "./webhook-payloads";

/**
 * A Callbell simulator: the same paths, shapes, validation and status progression as the real API, in one handler.
 * Bellhop's client calls it in-process when no token is configured; it is also mounted at /api/sandbox/v1/.
 */

type SandboxMessage = { uuid: string; to: string; createdAt: number; failsLater: boolean };

type SandboxState = {
  messages: Map<string, SandboxMessage>;
  rateLimitHits: Map<string, number>;
};

const globalForSandbox = globalThis as unknown as { bellhopSandbox?: SandboxState };

function state(): SandboxState {
  globalForSandbox.bellhopSandbox ??= { messages: new Map(), rateLimitHits: new Map() };
  return globalForSandbox.bellhopSandbox;
}

/** When a sandbox message reaches each status, in milliseconds after it was enqueued. */
export const SANDBOX_STATUS_TIMELINE = [
  { status: "sent", afterMs: 2_000 },
  { status: "delivered", afterMs: 4_000 },
  { status: "read", afterMs: 7_000 },
] as const;
export const SANDBOX_FAILURE_AFTER_MS = 3_000;
const HANG_MS = 120_000;

const PLATFORMS = ["whatsapp", "instagram", "facebook", "telegram"];
const TYPES = ["text", "image", "document", "video"];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const fieldError = (errors: Record<string, string[]>) => json(400, { error: errors });

function list<T>(key: string, items: T[]) {
  return json(200, { [key]: items, meta: { page: 1, pages: 1, total: items.length } });
}

export function sandboxStatusAt(message: SandboxMessage, now: number): string {
  const age = now - message.createdAt;
  if (message.failsLater) return age >= SANDBOX_FAILURE_AFTER_MS ? "failed" : "enqueued";
  let status = "enqueued";
  for (const step of SANDBOX_STATUS_TIMELINE) if (age >= step.afterMs) status = step.status;
  return status;
}

function waitForAbort(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function validateSend(body: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  for (const field of ["to", "from", "type", "content"]) {
    if (body[field] === undefined || body[field] === null || body[field] === "") add(field, "can't be blank");
  }
  if (body.from !== undefined && !PLATFORMS.includes(String(body.from)))
    add("from", "is not a supported channel");
  if (body.type !== undefined && !TYPES.includes(String(body.type)))
    add("type", "is not a valid message type");

  const content = body.content as Record<string, unknown> | undefined;
  if (content !== undefined && (typeof content !== "object" || content === null))
    add("content", "must be an object");
  else if (content) {
    if (body.type === "text" && !body.template_uuid && !(typeof content.text === "string" && content.text)) {
      add("content", "text can't be blank");
    }
    if (body.type !== "text" && !(typeof content.url === "string" && /^https?:\/\//.test(content.url))) {
      add("content", "url must be a valid URL");
    }
  }

  if (body.template_uuid !== undefined) {
    const template = SANDBOX_TEMPLATES.find((t) => t.uuid === body.template_uuid);
    if (!template) add("template_uuid", "not found");
    else if (template.status !== "approved") add("template_uuid", "is not approved");
    if (body.optin_contact !== true) add("optin_contact", "must be true when sending a template message");
  }
  if (
    body.template_values !== undefined &&
    (!Array.isArray(body.template_values) || body.template_values.some((v) => typeof v !== "string"))
  ) {
    add("template_values", "must be an array of strings");
  }
  if (body.channel_uuid !== undefined && !SANDBOX_CHANNELS.some((c) => c.uuid === body.channel_uuid)) {
    add("channel_uuid", "not found");
  }
  if (body.bot_status !== undefined && !["bot_start", "bot_end"].includes(String(body.bot_status))) {
    add("bot_status", "must be bot_start or bot_end");
  }

  if (body.metadata !== undefined) {
    const metadata = body.metadata;
    if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata))
      add("metadata", "must be an object");
    else {
      const entries = Object.entries(metadata);
      if (entries.length > 10) add("metadata", "must have at most 10 keys");
      for (const [key, value] of entries) {
        if (key.length > 50) add("metadata", "key is too long (maximum is 50 characters)");
        if (typeof value !== "string") add("metadata", "must be string");
        else if (value.length > 500) add("metadata", "value is too long (maximum is 500 characters)");
      }
    }
  }
  return errors;
}

async function send(request: Request): Promise<Response> {
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
  } catch {
    return json(400, { error: "Request body must be JSON" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return json(400, { error: "Request body must be a JSON object" });
  }
  const to = String(body.to ?? "");

  switch (to) {
    case MAGIC.rejected:
      return fieldError({ to: ["is not a valid WhatsApp number"] });
    case MAGIC.badToken:
      return json(401, { error: "Invalid API token" });
    case MAGIC.noCredit:
      return json(402, { code: "whatsapp_wallet_depleted_credit" });
    case MAGIC.serverError:
      return json(500, { error: "Internal server error" });
    case MAGIC.noAnswer:
      await waitForAbort(request.signal, HANG_MS);
      return json(504, { error: "Gateway timeout" });
    case MAGIC.rateLimitedOnce: {
      // Every other attempt is rate-limited, so a client that retries once gets through.
      const hits = (state().rateLimitHits.get(to) ?? 0) + 1;
      state().rateLimitHits.set(to, hits);
      if (hits % 2 === 1) {
        return new Response(JSON.stringify({ error: "Too many requests" }), {
          status: 429,
          headers: { "Content-Type": "application/json", "Retry-After": "1" },
        });
      }
    }
  }

  const errors = validateSend(body);
  if (Object.keys(errors).length > 0) return fieldError(errors);

  const uuid = crypto.randomUUID().replace(/-/g, "");
  const sandboxMessage = { uuid, to, createdAt: Date.now(), failsLater: to === MAGIC.failsLater };
  state().messages.set(uuid, sandboxMessage);
  scheduleWebhooks(sandboxMessage, body);
  const message: Record<string, unknown> = { uuid, status: "enqueued" };
  if (typeof body.fields === "string" && body.fields.split(",").includes("contact")) {
    message.contact = {
      uuid: `contact${to.replace(/\D/g, "")}`,
      name: "Sandbox Customer",
      phone: to,
      email: "customer@example.com",
    };
  }
  return json(200, { message });
}

function statusPayload(status: string) {
  return status === "failed"
    ? {
        type: "message-event",
        payload: { type: "failed", code: 1002, reason: "Number does not exist on WhatsApp" },
      }
    : { type: "message-event", payload: { type: status } };
}

function status(uuid: string): Response {
  const message = state().messages.get(uuid);
  if (!message) return json(404, { error: "Message not found" });
  const current = sandboxStatusAt(message, Date.now());
  return json(200, { message: { uuid, status: current, messageStatusPayload: statusPayload(current) } });
}

/** The events Bellhop's own webhook gets in the sandbox: those the simulator produces. */
const START_SUBSCRIPTIONS = ["message_created", "message_status_updated"];

/**
 * Bellhop's own webhook address, set at start when `CALLBELL_WEBHOOK_SECRET` is; null turns webhooks off. It bypasses
 * `POST /webhooks/subscribe`, whose checks are Callbell's (a loopback address is accepted there too).
 */
export function setSandboxWebhook(url: string | null) {
  if (url) subscribeSandboxWebhook(url, START_SUBSCRIPTIONS);
  else unsubscribeSandboxWebhook();
}

/** As Callbell does: the sent message's `message_created`, then each status change, to the webhook when one is set. */
function scheduleWebhooks(message: SandboxMessage, send: Record<string, unknown>) {
  if (!sandboxWebhookUrl()) return;
  const later = (afterMs: number, event: () => WebhookEvent) => {
    const timer = setTimeout(() => void deliverSandboxWebhook(event()), afterMs);
    timer.unref?.();
  };
  later(0, () => messageCreatedEvent(message, send));
  const steps = message.failsLater
    ? [{ status: "failed", afterMs: SANDBOX_FAILURE_AFTER_MS }]
    : SANDBOX_STATUS_TIMELINE;
  for (const step of steps) {
    later(step.afterMs, () => messageStatusUpdatedEvent(message, step.status, send.metadata, Date.now()));
  }
}

function contactByDigits(digits: string) {
  const contact = SANDBOX_CONTACTS.find((c) => c.phoneNumber.replace(/\D/g, "") === digits);
  if (!contact) return json(404, { error: "Contact not found" });
  const { uuid, name, phoneNumber, tags, assignedUser } = contact;
  // The simulator has no inbox to link to.
  return json(200, {
    contact: { uuid, name, phoneNumber, tags: [...tags], assignedUser, conversationHref: null },
  });
}

function contactMessages(uuid: string) {
  const contact = SANDBOX_CONTACTS.find((c) => c.uuid === uuid);
  if (!contact) return json(404, { error: "Contact not found" });
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const received = contact.lastReceivedHoursAgo;
  return list("messages", [
    { uuid: `${uuid}-2`, text: "Happy to help!", createdAt: at(received - 1), status: "sent" },
    { uuid: `${uuid}-1`, text: "Hi, where is my order?", createdAt: at(received), status: "received" },
  ]);
}

/** Handles one request to the simulated API. `request.url` may be any base ending in `/v1/…`. */
export async function handleSandboxRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const marker = url.pathname.indexOf("/v1/");
  const path = marker >= 0 ? url.pathname.slice(marker + 3) : url.pathname;
  const parts = path.split("/").filter(Boolean);

  const authorization = request.headers.get("authorization") ?? "";
  if (!/^Bearer \S+/.test(authorization)) return json(401, { error: "Missing or invalid API token" });

  const method = request.method.toUpperCase();
  if (method === "POST" && path === "/messages/send") return send(request);
  if (method === "POST" && path === "/webhooks/subscribe") return subscribeRoute(request);
  // Documented as DELETE (webhooks_api/unsubscribe.md), not POST.
  if (method === "DELETE" && path === "/webhooks/unsubscribe") return unsubscribeRoute();
  if (method === "GET" && path === "/webhooks/events") return webhookEventsRoute(url);
  if (method === "GET") {
    if (parts[0] === "messages" && parts[1] === "status" && parts[2]) return status(parts[2]);
    if (path === "/templates") return list("templates", SANDBOX_TEMPLATES);
    if (parts[0] === "templates" && parts[1]) {
      const template = SANDBOX_TEMPLATES.find((t) => t.uuid === parts[1]);
      return template ? json(200, { template }) : json(404, { error: "Template not found" });
    }
    if (path === "/channels") return list("channels", SANDBOX_CHANNELS);
    if (parts[0] === "contacts" && parts[1] === "phone" && parts[2]) return contactByDigits(parts[2]);
    if (parts[0] === "contacts" && parts[2] === "messages" && parts[1]) return contactMessages(parts[1]);
    if (path === "/teams") return list("teams", SANDBOX_TEAMS);
    if (parts[0] === "teams" && parts[2] === "members" && parts[1]) {
      const members = SANDBOX_MEMBERS[parts[1]];
      return members ? list("users", members) : json(404, { error: "Team not found" });
    }
    if (path === "/auth/me") {
      return json(200, { status: "ok", user_email: "sandbox@example.com", user_name: "Sandbox Account" });
    }
  }
  return json(404, { error: `No route for ${method} ${path}` });
}

/** A `fetch` that answers from the simulator in-process, honouring the caller's abort signal like a real fetch. */
export const sandboxFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  const signal = init?.signal ?? undefined;
  if (!signal) return handleSandboxRequest(request);
  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    handleSandboxRequest(request).then(resolve, reject);
  });
};
