import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { countReceivedMessages } from "@/lib/db/reply-queries";
import { testDatabase } from "@/lib/db/testing";
import { LANE, installLane } from "@/lib/security/lane.mjs";
import { webhookLane } from "./webhook-lane";

const SECRET = "lane-secret-0123456789";
const lanes = globalThis as Record<symbol, unknown>;

let db: Database;
let server: http.Server;
let base: string;

beforeAll(async () => {
  db = await testDatabase();
  installLane();
  lanes[LANE] = webhookLane(() => ({ secret: SECRET, db: async () => db }));
  // What stands for Next: every request the lane leaves reaches it.
  server = http.createServer((request, response) => {
    request.resume();
    response.writeHead(299, { "Content-Type": "text/plain" }).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete lanes[LANE];
  await new Promise((resolve) => server.close(resolve));
});

/** A raw request (fetch would fix the body's framing itself): status, headers and body. */
function send(path: string, { method = "POST", body = "", headers = {} as Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(`${base}${path}`, { method, headers }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      });
      request.on("error", reject);
      request.end(body);
    },
  );
}

const reply = (from: string) =>
  JSON.stringify({
    event: "message_created",
    payload: {
      from,
      to: "15550001000",
      text: "Yes",
      status: "received",
      channel: "whatsapp",
      uuid: `m-${from}`,
    },
  });
const length = (body: string) => ({
  "Content-Type": "application/json",
  "Content-Length": String(Buffer.byteLength(body)),
});

describe("the webhook's lane (answered past Next's routing)", () => {
  it("keeps a customer's message and answers as the route does, with the headers every response carries", async () => {
    const before = (await countReceivedMessages(db)).total;
    const body = reply("31650000001");
    const answer = await send(`/api/webhooks/callbell/${SECRET}`, { body, headers: length(body) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: "ok", result: "unlinked" });
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers["permissions-policy"]).toContain("camera=()");
    expect(answer.headers["strict-transport-security"]).toBeUndefined();
    expect((await countReceivedMessages(db)).total).toBe(before + 1);
  });

  it("keeps nothing of a call whose connection closes before its whole body came, and stops waiting for it", async () => {
    const before = (await countReceivedMessages(db)).total;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const body = reply("31650000009");
    await new Promise<void>((resolve) => {
      const request = http.request(`${base}/api/webhooks/callbell/${SECRET}`, {
        method: "POST",
        headers: length(body),
      });
      request.on("error", () => resolve());
      request.write(body.slice(0, 20));
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 50);
    });
    await expect
      .poll(() => logged.mock.calls.map((call) => String(call[0])))
      .toContain("Bellhop: a Callbell webhook call could not be answered:");
    logged.mockRestore();
    expect((await countReceivedMessages(db)).total).toBe(before);
  });

  it("reads a body that starts with a byte order mark, as fetch's text() does, and ignores a query", async () => {
    const before = (await countReceivedMessages(db)).total;
    const body = `\uFEFF${reply("31650000002")}`;
    const answer = await send(`/api/webhooks/callbell/${SECRET}?from=callbell`, {
      body,
      headers: length(body),
    });
    expect(JSON.parse(answer.body)).toEqual({ status: "ok", result: "unlinked" });
    expect((await countReceivedMessages(db)).total).toBe(before + 1);
  });

  it("answers a health check (GET) and a wrong secret as the route does", async () => {
    const check = await send(`/api/webhooks/callbell/${SECRET}`, { method: "GET" });
    expect([check.status, JSON.parse(check.body)]).toEqual([200, { status: "ok" }]);
    const wrong = await send("/api/webhooks/callbell/not-the-secret", { body: "{}", headers: length("{}") });
    expect([wrong.status, JSON.parse(wrong.body).code]).toEqual([404, "not_found"]);
  });

  it("refuses a body without its length, or over the limit, before reading it", async () => {
    const chunked = await send(`/api/webhooks/callbell/${SECRET}`, {
      body: reply("31650000003"),
      headers: { "Transfer-Encoding": "chunked" },
    });
    expect(chunked.status).toBe(411);
    const large = "x".repeat(200 * 1024);
    const tooLarge = await send(`/api/webhooks/callbell/${SECRET}`, { body: large, headers: length(large) });
    expect(tooLarge.status).toBe(413);
  });

  it.each([
    ["another address", "POST", "/api/health"],
    ["an encoded secret", "POST", `/api/webhooks/callbell/${SECRET.slice(0, -1)}%39`],
    ["a trailing slash", "POST", `/api/webhooks/callbell/${SECRET}/`],
    ["a path under it", "POST", `/api/webhooks/callbell/${SECRET}/x`],
    ["another method", "PUT", `/api/webhooks/callbell/${SECRET}`],
  ])("leaves %s to Next", async (_, method, path) => {
    const answer = await send(path, { method, body: "{}", headers: length("{}") });
    expect([answer.status, answer.body]).toEqual([299, "next"]);
  });
});
