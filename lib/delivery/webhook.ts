import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { recordStatusReport } from "./record-status";
import { isCallbellStatus } from "./status-rule";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Compares secrets in constant time (their hashes have one length, so nothing leaks through it either). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `POST /api/webhooks/callbell/<secret>`. Callbell counts anything but 200 as a failed delivery, so: 404 when the
 * webhook is off or the secret is wrong, 400 for a body that is not JSON (or a status event without its uuid and
 * status), 200 for everything else, including events Bellhop does not use and Callbell's health check. Never 500: a
 * database failure answers 503, so Callbell tries again later.
 */
export async function handleCallbellWebhook(
  request: Request,
  given: string,
  options: { secret: string | undefined; db: () => Promise<Database> },
): Promise<Response> {
  if (!options.secret || !sameSecret(given, options.secret)) return json(404, { error: "Not found" });
  if (request.method === "GET") return json(200, { status: "ok" });
  let envelope: unknown;
  try {
    envelope = JSON.parse(await request.text());
  } catch {
    return json(400, { error: "The body is not JSON" });
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    return json(400, { error: 'Expected a JSON object {"event": …, "payload": …}' });
  }
  const { event, payload } = envelope as { event?: unknown; payload?: unknown };
  if (event !== "message_status_updated") return json(200, { status: "ok" });
  const body = (typeof payload === "object" && payload !== null ? payload : {}) as Record<string, unknown>;
  if (typeof body.uuid !== "string" || body.uuid === "" || typeof body.status !== "string") {
    return json(400, { error: "message_status_updated needs payload.uuid and payload.status" });
  }
  if (!isCallbellStatus(body.status)) return json(200, { status: "ok", ignored: `status ${body.status}` });
  try {
    const result = await recordStatusReport(await options.db(), {
      callbellUuid: body.uuid,
      status: body.status,
      payload: body,
      source: "webhook",
    });
    return json(200, { status: "ok", result: result.kind });
  } catch (error) {
    console.error("Bellhop: a Callbell webhook could not be recorded:", error);
    return json(503, { error: "Bellhop could not record this event; try again" });
  }
}
