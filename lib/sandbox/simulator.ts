/**
 * A Callbell simulator: the same paths, shapes, validation and status progression as the real API, in one handler.
 * Bellhop's client calls it in-process in sandbox mode (lib/settings/callbell-connection.ts); it is also mounted at
 * /api/sandbox/v1/.
 */
import { contactByBsuid, contactByPhone, contactMessages, sendExtras } from "./contacts";
import { SANDBOX_MAGIC_RECIPIENTS as MAGIC, SANDBOX_TEAMS, SANDBOX_TEMPLATES } from "./data";
import { SANDBOX_REPLY_AFTER_MS, sandboxReplyOf } from "./repliers";
import { badPage, fieldError, json, pageOf, pageParam, readJsonObject } from "./http";
import { channels, teamMembers } from "./account-routes";
import {
  SANDBOX_FAILURE_AFTER_MS,
  SANDBOX_STATUS_TIMELINE,
  sandboxStatusAt,
  sandboxStatusPayload,
  type SandboxMessage,
} from "./statuses";
import { validateSend } from "./validate-send";
import {
  deliverSandboxWebhook,
  sandboxWebhookUrl,
  subscribeRoute,
  subscribeSandboxWebhook,
  unsubscribeRoute,
  unsubscribeSandboxWebhook,
  webhookEventsRoute,
} from "./webhook-account";
import {
  messageCreatedEvent,
  messageReceivedEvent,
  messageStatusUpdatedEvent,
  type WebhookEvent,
} from "./webhook-payloads";
import { processSingleton } from "@/lib/process/state";

type SandboxState = {
  messages: Map<string, SandboxMessage>;
  rateLimitHits: Map<string, number>;
  /** Sends to `+15550000408` being held right now. */
  held: number;
};

function state(): SandboxState {
  return processSingleton<SandboxState>("sandbox:state", () => ({
    messages: new Map(),
    rateLimitHits: new Map(),
    held: 0,
  }));
}

/** The simulator keeps this many messages (the newest) for their statuses: what anyone sends cannot fill memory. */
export const SANDBOX_MESSAGES_KEPT = 10_000;
/** How long `+15550000408` holds a send when the caller gives no limit: longer than any client waits. */
const DEFAULT_HOLD_MS = 120_000;
/** At most this many sends are held at once; the others get their 504 without waiting. */
export const MAX_HELD = 20;

function waitForAbort(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A WhatsApp message id in the provider's style (`gBGG…`), unique per message. */
function whatsappMessageId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const bytes = crypto.getRandomValues(new Uint8Array(23));
  return `gBGG${Array.from(bytes, (b) => alphabet[b % 64]).join("")}`;
}

async function send(request: Request, webhooks: boolean, holdMs: number): Promise<Response> {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const to = typeof body.to === "string" ? body.to : "";

  switch (to) {
    case MAGIC.rejected:
      return fieldError({ to: ["is not a valid WhatsApp number"] });
    case MAGIC.badToken:
      return json(401, { error: "Invalid API token" });
    case MAGIC.noCredit:
      return json(402, {
        error: "The WhatsApp wallet has no credit left: top it up to send again",
        code: "whatsapp_wallet_depleted_credit",
      });
    case MAGIC.serverError:
      return json(500, { error: "Internal server error" });
    case MAGIC.noAnswer: {
      // Each held request keeps a socket and its buffers: past a few, the rest time out at once.
      const held = state();
      if (held.held >= MAX_HELD) return json(504, { error: "Gateway timeout" });
      held.held += 1;
      try {
        await waitForAbort(request.signal, holdMs);
      } finally {
        held.held -= 1;
      }
      return json(504, { error: "Gateway timeout" });
    }
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

  // With both, `to` wins, as documented.
  // validateSend made sure both are text.
  const recipient = to || (body.bsuid as string);
  const from = body.from as string;
  const uuid = crypto.randomUUID().replace(/-/g, "");
  const sandboxMessage: SandboxMessage = {
    uuid,
    to: recipient,
    from,
    createdAt: Date.now(),
    failsLater: to === MAGIC.failsLater,
    providerId: crypto.randomUUID(),
    whatsappMessageId: whatsappMessageId(),
  };
  const { messages } = state();
  messages.set(uuid, sandboxMessage);
  if (messages.size > SANDBOX_MESSAGES_KEPT) messages.delete(messages.keys().next().value!);
  if (webhooks) scheduleWebhooks(sandboxMessage, body);
  return json(200, { message: { uuid, status: "enqueued", ...sendExtras(body.fields, recipient, from) } });
}

function status(uuid: string): Response {
  const message = state().messages.get(uuid);
  if (!message) return json(404, { error: "Message not found" });
  const current = sandboxStatusAt(message, Date.now());
  return json(200, {
    message: { uuid, status: current, messageStatusPayload: sandboxStatusPayload(message, current) },
  });
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

/**
 * As Callbell does: the sent message's `message_created` (any platform), then each status change (WhatsApp only), to
 * the webhook when one is set; and a replier's answer (data.ts's SANDBOX_REPLIERS) a few seconds later.
 */
function scheduleWebhooks(message: SandboxMessage, send: Record<string, unknown>) {
  if (!sandboxWebhookUrl()) return;
  const later = (afterMs: number, event: () => WebhookEvent) => {
    const timer = setTimeout(() => void deliverSandboxWebhook(event()), afterMs);
    timer.unref?.();
  };
  later(0, () => messageCreatedEvent(message, send));
  // The sandbox's repliers answer every message, as `message_created` from them.
  const reply = sandboxReplyOf(message.to);
  if (reply) later(SANDBOX_REPLY_AFTER_MS, () => messageReceivedEvent(message, reply, Date.now()));
  if (message.from !== "whatsapp") return;
  const steps = message.failsLater
    ? [{ status: "failed", afterMs: SANDBOX_FAILURE_AFTER_MS }]
    : SANDBOX_STATUS_TIMELINE;
  for (const step of steps) {
    later(step.afterMs, () => messageStatusUpdatedEvent(message, step.status, send.metadata, Date.now()));
  }
}

/**
 * Handles one request to the simulated API. `request.url` may be any base ending in `/v1/…`.
 *
 * `overHttp`: the request came through the public mount (`/api/sandbox/v1/…`, any bearer token, no session). The
 * account's webhook is Bellhop's own there: nobody outside may read its delivery log (it holds what agents sent),
 * point it elsewhere (the server would POST to any address it is given), or have their sends delivered to it.
 *
 * `holdMs`: how long a send to `+15550000408` waits before its 504, unless the caller gives up first. The mount
 * passes the configured CALLBELL_TIMEOUT_MS, so nobody can hold a request open longer than Bellhop would wait.
 */
export async function handleSandboxRequest(
  request: Request,
  { overHttp = false, holdMs = DEFAULT_HOLD_MS }: { overHttp?: boolean; holdMs?: number } = {},
): Promise<Response> {
  const url = new URL(request.url);
  const marker = url.pathname.indexOf("/v1/");
  const path = marker >= 0 ? url.pathname.slice(marker + 3) : url.pathname;
  let parts: string[];
  try {
    parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return json(404, { error: "No route for a malformed address" });
  }

  const authorization = request.headers.get("authorization") ?? "";
  if (!/^Bearer \S+/.test(authorization)) return json(401, { error: "Missing or invalid API token" });

  const method = request.method.toUpperCase();
  if (overHttp && parts[0] === "webhooks") {
    return json(404, { error: "The sandbox's webhook is Bellhop's own: it is not reachable over HTTP" });
  }
  if (method === "POST" && path === "/messages/send") return send(request, !overHttp, holdMs);
  if (method === "POST" && path === "/webhooks/subscribe") return subscribeRoute(request);
  // Documented as DELETE (webhooks_api/unsubscribe.md), not POST.
  if (method === "DELETE" && path === "/webhooks/unsubscribe") return unsubscribeRoute();
  if (method === "GET" && path === "/webhooks/events") return webhookEventsRoute(url);
  if (method === "GET") {
    if (parts[0] === "messages" && parts[1] === "status" && parts[2]) return status(parts[2]);
    // Templates and teams are documented without parameters: one page holds them all.
    if (path === "/templates") return pageOf("templates", SANDBOX_TEMPLATES, 1, Infinity);
    if (parts[0] === "templates" && parts[1]) {
      const template = SANDBOX_TEMPLATES.find((t) => t.uuid === parts[1]);
      return template ? json(200, { template }) : json(404, { error: "Template not found" });
    }
    if (path === "/channels") return channels(url);
    if (parts[0] === "contacts" && parts[1] === "phone" && parts[2]) {
      return contactByPhone(parts[2], url.searchParams.get("channel_uuid"));
    }
    if (parts[0] === "contacts" && parts[1] === "bsuid" && parts[2]) return contactByBsuid(parts[2]);
    if (parts[0] === "contacts" && parts[2] === "messages" && parts[1]) {
      const page = pageParam(url);
      return page === null ? badPage() : contactMessages(parts[1], page);
    }
    if (path === "/teams") return pageOf("teams", SANDBOX_TEAMS, 1, Infinity);
    if (parts[0] === "teams" && parts[2] === "members" && parts[1]) return teamMembers(parts[1], url);
    if (path === "/auth/me") {
      return json(200, {
        status: "ok",
        user_email: "sandbox@example.com",
        user_name: "Sandbox Account",
        api_key: "sandbox",
      });
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
