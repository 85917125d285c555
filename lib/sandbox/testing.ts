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

/** A GET to the simulator, with its status and JSON body. */
export const sandboxGet = async (path: string) => {
  const response = await handleSandboxRequest(
    new Request(`http://sandbox/v1${path}`, { headers: { Authorization: "Bearer t" } }),
  );
  return { status: response.status, body: await response.json() };
};
/** A `POST /messages/send` to the simulator, with a token unless told otherwise. */
export const sandboxSend = (body: unknown, auth = "Bearer t") =>
  handleSandboxRequest(
    new Request("http://sandbox/v1/messages/send", {
      method: "POST",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
/** A sandbox channel's uuid by its title. */
export const sandboxChannel = (title: string) => SANDBOX_CHANNELS.find((c) => c.title === title)!.uuid;
/** A valid text send on the main WhatsApp channel. */
export const TEXT_SEND = {
  to: "+31612345678",
  from: "whatsapp",
  type: "text",
  channel_uuid: sandboxChannel("Support line"),
  content: { text: "Hi" },
};

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
