/**
 * The sandbox account's one webhook, as Callbell keeps it: `POST /webhooks/subscribe` sets (or replaces) it,
 * `DELETE /webhooks/unsubscribe` removes it, and every delivery is logged for `GET /webhooks/events`.
 */
import { fieldError, isoSeconds, json, readJsonObject } from "./http";
import type { WebhookEvent } from "./webhook-payloads";
import { processSingleton } from "@/lib/process/state";

/** Every event Callbell lets a webhook subscribe to (object_types/webhook.md, plus the agent and team events). */
export const CALLBELL_WEBHOOK_EVENTS = [
  "message_created",
  "message_status_updated",
  "contact_created",
  "contact_updated",
  "contact_deleted",
  "conversation_opened",
  "conversation_closed",
  "agent_session_updated",
  "agent_status_updated",
  "team_membership_updated",
] as const;

/** The deliveries kept for `GET /webhooks/events`, newest first; older ones are forgotten. */
export const SANDBOX_WEBHOOK_LOG_LIMIT = 200;
/** How long a delivery waits for the webhook's answer (Callbell's own limit is undocumented). */
const DELIVERY_TIMEOUT_MS = 10_000;
/** `GET /webhooks/events` page size when `items` is not given (undocumented at Callbell), and its most. */
const DEFAULT_ITEMS = 20;
const MAX_ITEMS = 100;

type Webhook = { url: string; subscriptions: string[]; createdAt: Date };

export type SandboxDelivery = {
  event: string;
  payload: Record<string, unknown>;
  response: { body: unknown; code: number | null; headers: Record<string, string> };
  success: boolean;
  createdAt: string;
};

type WebhookState = { webhook: Webhook | null; log: SandboxDelivery[] };

// Next loads server modules more than once; the account's webhook is one per process, like the simulator's messages.
function state(): WebhookState {
  return processSingleton<WebhookState>("sandbox:webhook", () => ({ webhook: null, log: [] }));
}

/** The subscribe answer's time, as in the documented example ("2022-10-18 17:01:20 +0200"), not ISO 8601. */
const railsTime = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} +0000`;

/** Sets the one webhook, replacing any other; the log stays, as it does when a Callbell webhook is edited. */
export function subscribeSandboxWebhook(url: string, subscriptions: readonly string[], now = new Date()) {
  state().webhook = { url, subscriptions: [...subscriptions], createdAt: now };
  return state().webhook!;
}

/** Removes the webhook, and its log with it. */
export function unsubscribeSandboxWebhook() {
  state().webhook = null;
  state().log = [];
}

export function sandboxWebhookUrl(): string | null {
  return state().webhook?.url ?? null;
}

function logDelivery(delivery: SandboxDelivery) {
  const log = state().log;
  log.unshift(delivery);
  log.length = Math.min(log.length, SANDBOX_WEBHOOK_LOG_LIMIT);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return text;
  }
}

/**
 * POSTs one event to the webhook, if one is set and subscribes to it, and logs what the webhook answered. Callbell
 * counts only a 200 as a success.
 */
export async function deliverSandboxWebhook(event: WebhookEvent, fetchImpl: typeof fetch = fetch) {
  const webhook = state().webhook;
  if (!webhook || !webhook.subscriptions.includes(event.event)) return;
  const createdAt = isoSeconds(Date.now());
  let response: SandboxDelivery["response"];
  try {
    const answer = await fetchImpl(webhook.url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    response = {
      body: await readBody(answer),
      code: answer.status,
      headers: Object.fromEntries(answer.headers),
    };
  } catch (error) {
    console.warn("Bellhop sandbox: a webhook could not be delivered:", error);
    response = { body: { error: (error as Error)?.message ?? "not delivered" }, code: null, headers: {} };
  }
  logDelivery({ ...event, response, success: response.code === 200, createdAt });
}

type FieldErrors = Record<string, string[]>;

function readSubscriptions(value: unknown, errors: FieldErrors): string[] {
  // The docs call it both a string[] and "comma separated values": take either.
  const names =
    typeof value === "string"
      ? value.split(",").map((name) => name.trim())
      : Array.isArray(value)
        ? value
        : [];
  if (names.length === 0 || names.some((name) => typeof name !== "string" || name === "")) {
    (errors.subscriptions ??= []).push("must be a list of events");
    return [];
  }
  const unknown = names.filter((name) => !(CALLBELL_WEBHOOK_EVENTS as readonly string[]).includes(name));
  if (unknown.length > 0) (errors.subscriptions ??= []).push(`has unknown events: ${unknown.join(", ")}`);
  return names as string[];
}

function readUrl(value: unknown, errors: FieldErrors): string {
  const add = (message: string) => (errors.url ??= []).push(message);
  if (typeof value !== "string" || value.trim() === "") {
    add("can't be blank");
    return "";
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    add("must include the protocol (http or https)");
    return "";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") add("must be an http or https URL");
  // Callbell refuses `localhost`, so the sandbox does too: a setup rehearsed here must not break when it goes live.
  // A loopback address is accepted, though (Callbell's refusal of it is undocumented): it is how the simulator, which
  // runs inside Bellhop, reaches the Bellhop it lives in.
  if (url.hostname === "localhost" || url.hostname.endsWith(".localhost")) add("localhost is not supported");
  return url.toString();
}

/** `POST /webhooks/subscribe {url, subscriptions}`: creates the account's one webhook, or replaces it. */
export async function subscribeRoute(request: Request): Promise<Response> {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const errors: FieldErrors = {};
  const url = readUrl(body.url, errors);
  const subscriptions = readSubscriptions(body.subscriptions, errors);
  if (Object.keys(errors).length > 0) return fieldError(errors);
  const webhook = subscribeSandboxWebhook(url, subscriptions);
  return json(200, {
    webhook: { url, subscriptions, createdAt: railsTime(webhook.createdAt), enabled: true },
  });
}

/** `DELETE /webhooks/unsubscribe`. */
export function unsubscribeRoute(): Response {
  if (!state().webhook) return json(404, { error: "Webhook not found" });
  unsubscribeSandboxWebhook();
  return json(200, { status: "webhook was destroyed" });
}

function positiveInteger(value: string | null, fallback: number): number | null {
  if (value === null || value === "") return fallback;
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : null;
}

/** `GET /webhooks/events?status=failed|success&page=&items=`: the delivery log, newest first. */
export function webhookEventsRoute(url: URL): Response {
  // Undocumented at Callbell: an account without a webhook has no log to list.
  if (!state().webhook) return json(404, { error: "Webhook not found" });
  const status = url.searchParams.get("status");
  const page = positiveInteger(url.searchParams.get("page"), 1);
  const items = positiveInteger(url.searchParams.get("items"), DEFAULT_ITEMS);
  const errors: FieldErrors = {};
  if (status !== null && status !== "failed" && status !== "success")
    errors.status = ["must be failed or success"];
  if (page === null) errors.page = ["must be a positive number"];
  if (items === null) errors.items = ["must be a positive number"];
  if (page === null || items === null || Object.keys(errors).length > 0) return fieldError(errors);
  const size = Math.min(items, MAX_ITEMS);
  const matching = state().log.filter(
    (delivery) => status === null || delivery.success === (status === "success"),
  );
  return json(200, {
    webhook_events: matching.slice((page - 1) * size, page * size),
    meta: { page, pages: Math.max(1, Math.ceil(matching.length / size)) },
  });
}
