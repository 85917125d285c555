import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LaneHandler } from "@/lib/security/lane.mjs";
import { NON_PAGE_CSP, securityHeaders } from "@/lib/security/static-headers.mjs";
import { handleCallbellWebhook, type WebhookOptions, type WebhookRequest } from "./webhook";

/**
 * The webhook's address in the one shape proxy.ts lets past it (letters, digits, - and _ after the prefix; a query is
 * ignored, as Next's route ignores it). Anything else, `%41` or a trailing slash included, is left to Next.
 */
const WEBHOOK_PATH = /^\/api\/webhooks\/callbell\/([A-Za-z0-9_-]+)(?:\?.*)?$/;

/** Node's request, read as the webhook reads a fetch `Request`; the body is read only when asked for. */
function asWebhookRequest(request: IncomingMessage): WebhookRequest {
  return {
    method: request.method ?? "GET",
    text: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        // As fetch's text() decodes: UTF-8, a leading byte order mark dropped.
        request.on("end", () =>
          resolve(
            Buffer.concat(chunks)
              .toString("utf8")
              .replace(/^\uFEFF/, ""),
          ),
        );
        request.on("error", reject);
        // The caller went away before the whole body came: nothing is recorded, and the wait ends.
        request.on("close", () => {
          if (!request.complete) reject(new Error("the connection closed before the whole body came"));
        });
      }),
  };
}

/** The headers of the webhook's answers: those every response carries, for an answer that is no page. */
const headersFor = (request: IncomingMessage) => ({
  ...securityHeaders({ https: request.headers["x-forwarded-proto"] === "https" }),
  "Content-Security-Policy": NON_PAGE_CSP,
});

/** Writes the webhook's answer on Node's response. */
async function answer(request: IncomingMessage, response: ServerResponse, result: Response) {
  const body = Buffer.from(await result.arrayBuffer());
  const headers: Record<string, string> = headersFor(request);
  result.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(body.length);
  response.writeHead(result.status, headers);
  response.end(body);
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  secret: string,
  options: WebhookOptions,
) {
  try {
    await answer(request, response, await handleCallbellWebhook(asWebhookRequest(request), secret, options));
  } catch (error) {
    // The body could not be read (the caller went away), or the answer not written: nothing more can be said to it.
    console.error("Bellhop: a Callbell webhook call could not be answered:", error);
    if (!response.headersSent)
      response.writeHead(503, { ...headersFor(request), "Cache-Control": "no-store" });
    response.end();
  }
}

/**
 * The lane's handler for Callbell's webhook (lib/security/lane.mjs): it takes GET and POST at the webhook's address and
 * answers them with the same code as Next's route (app/api/webhooks/callbell/[secret]), without Next's routing.
 */
export function webhookLane(options: () => WebhookOptions): LaneHandler {
  return (request, response) => {
    if (request.method !== "POST" && request.method !== "GET") return false;
    const match = WEBHOOK_PATH.exec(request.url ?? "");
    if (!match) return false;
    void serve(request, response, match[1] ?? "", options());
    return true;
  };
}
