import "server-only";
import { apiError } from "@/lib/http/api-error";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { recordWebhookReceipt } from "@/lib/db/webhook-queries";
import { recordReceivedMessage } from "@/lib/replies/record-reply";
import { jsonDepth } from "@/lib/format/pretty-json";
import { recordStatusReport } from "./record-status";
import { isCallbellStatus } from "./status-rule";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const OK = { status: "ok" } as const;

/** Compares secrets in constant time (their hashes have one length, so nothing leaks through it either). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

type Envelope = { event: string; payload: Record<string, unknown> };

/** What the webhook reads of a request: a fetch `Request` (Next's route), or Node's, seen so (webhook-lane.ts). */
export type WebhookRequest = { method: string; text(): Promise<string> };

/** The deepest nesting an event may have to be kept (Callbell's documented events nest 4 or 5 levels). */
export const MAX_EVENT_DEPTH = 32;

/**
 * The event a request carries, or null when it carries none. Callbell does not document how its periodic health check
 * is sent (GET, an empty POST, `{}`, …), so anything that is not a JSON object naming an event is taken for one.
 */
async function readEnvelope(request: WebhookRequest): Promise<Envelope | null> {
  if (request.method !== "POST") return null;
  // A body that could not be read (the caller went away) is no health check: the failure goes up, nothing is noted.
  const text = await request.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  // No Callbell event nests deeper; one that does is not kept (shown, it could cost the pages dearly).
  if (jsonDepth(parsed, MAX_EVENT_DEPTH) > MAX_EVENT_DEPTH) return null;
  const { event, payload } = parsed as { event?: unknown; payload?: unknown };
  if (typeof event !== "string" || event === "") return null;
  const body = typeof payload === "object" && payload !== null && !Array.isArray(payload) ? payload : {};
  return { event, payload: body as Record<string, unknown> };
}

export type WebhookOptions = { secret: string | undefined; db: () => Promise<Database>; now?: () => Date };

/**
 * How often one process writes that Callbell reached the webhook with the same event: at 200 events a second, a
 * write per request would double the webhook's writes for a time nobody reads to the millisecond.
 */
export const RECEIPT_EVERY_MS = 1_000;

/** When each (database, kind and event) was last noted by this process. */
const noted = new WeakMap<Database, Map<string, number>>();

/** Keeps when Callbell last reached the webhook; a failure here never changes the answer Callbell gets. */
async function noteReceipt(options: WebhookOptions, envelope: Envelope | null) {
  try {
    const now = options.now?.() ?? new Date();
    const db = await options.db();
    const kind = envelope ? "event" : "check";
    const key = `${kind}:${envelope?.event ?? ""}`;
    // Event names are Callbell's few; anything else that calls with the secret cannot make this grow without end.
    const times = noted.get(db) ?? new Map<string, number>();
    if (times.size > 100) times.clear();
    noted.set(db, times);
    const last = times.get(key);
    if (last !== undefined && now.getTime() - last >= 0 && now.getTime() - last < RECEIPT_EVERY_MS) return;
    times.set(key, now.getTime());
    await recordWebhookReceipt(db, kind, envelope?.event ?? null, now);
  } catch (error) {
    console.error("Bellhop: could not note when the Callbell webhook was last reached:", error);
  }
}

/**
 * `message_created`: a message a customer sent (`status: "received"`) is kept and linked to the send it answers. The
 * others (`sent`: Bellhop's own messages and those agents write in Callbell) are no replies, and are not kept.
 */
async function receivedMessage(payload: Record<string, unknown>, options: WebhookOptions) {
  if (payload.status !== "received") return json(200, OK);
  try {
    const result = await recordReceivedMessage(await options.db(), payload, options.now?.() ?? new Date());
    return json(200, { ...OK, result: result.kind });
  } catch (error) {
    console.error("Bellhop: a message a customer sent could not be recorded:", error);
    return apiError(503, "Bellhop could not record this event; try again");
  }
}

/**
 * `GET|POST /api/webhooks/callbell/<secret>`. Callbell counts anything but 200 as a failed delivery and disables the
 * webhook after 6 hours of them, so: 404 when the webhook is off or the secret is wrong, 503 when a status or a
 * customer's message cannot be recorded (Callbell tries again), and 200 `{"status":"ok"}` for everything else: the
 * health check, events Bellhop does not use, and status events it cannot use.
 */
export async function handleCallbellWebhook(
  request: WebhookRequest,
  given: string,
  options: WebhookOptions,
): Promise<Response> {
  // The same answer as any address Bellhop does not have (app/api/[...path]): a wrong secret names nothing.
  if (!options.secret || !sameSecret(given, options.secret)) return apiError(404, "Not found");
  const envelope = await readEnvelope(request);
  await noteReceipt(options, envelope);
  if (envelope?.event === "message_created") return receivedMessage(envelope.payload, options);
  if (!envelope || envelope.event !== "message_status_updated") return json(200, OK);
  const { uuid, status } = envelope.payload;
  if (typeof uuid !== "string" || uuid === "" || typeof status !== "string") {
    // A 400 would not make this event any better on Callbell's retry; it would only count towards disabling the
    // webhook and cost every later status. So it is logged, answered 200, and the poller covers the message.
    console.warn(
      "Bellhop: a message_status_updated event without payload.uuid or payload.status was ignored",
    );
    return json(200, { ...OK, ignored: "message_status_updated needs payload.uuid and payload.status" });
  }
  if (!isCallbellStatus(status)) return json(200, { ...OK, ignored: `status ${status}` });
  try {
    const result = await recordStatusReport(await options.db(), {
      callbellUuid: uuid,
      status,
      payload: envelope.payload,
      source: "webhook",
    });
    return json(200, { ...OK, result: result.kind });
  } catch (error) {
    console.error("Bellhop: a Callbell webhook could not be recorded:", error);
    return apiError(503, "Bellhop could not record this event; try again");
  }
}
