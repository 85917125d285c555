import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SANDBOX_CHANNELS } from "./data";
import { handleSandboxRequest } from "./simulator";

/** The sandbox's main WhatsApp channel: every send names its channel. */
export const SUPPORT_LINE = SANDBOX_CHANNELS.find(
  (channel) => channel.type === "whatsapp" && channel.main,
)!.uuid;

/** One call to the simulator, as Bellhop's client makes it. */
export const sandboxApi = (method: string, path: string, body?: unknown) =>
  handleSandboxRequest(
    new Request(`http://sandbox/v1${path}`, {
      method,
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

/**
 * A real HTTP endpoint on a free local port for the sandbox to deliver webhooks to, answering with `handle`: the tests
 * see exactly what left the simulator and what it logged of the answer, with no mock in between.
 */
export async function webhookReceiver(handle: (request: Request) => Promise<Response>) {
  const received: unknown[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        received.push(JSON.parse(body));
      } catch {
        received.push(body);
      }
      const request = new Request(`http://127.0.0.1${incoming.url}`, {
        method: incoming.method,
        headers: { "Content-Type": String(incoming.headers["content-type"] ?? "") },
        body: incoming.method === "GET" ? undefined : body,
      });
      const response = await handle(request);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/callbell/sandbox-test-secret`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `check` returns something, for deliveries the simulator makes on its own timers. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`nothing came within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
