import { expect, test, type Page } from "@playwright/test";
import { ComposePage, stub, uniquePhone } from "./support";

test("pages carry a nonce-based CSP and the security headers, and run without a CSP violation", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/compose");
  const headers = first!.headers();
  const csp = headers["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();
  const second = await page.request.get("/compose");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);

  // The page works under its policy: a send goes through.
  const compose = new ComposePage(page);
  await compose.sendText(uniquePhone(), "Under a strict policy");
  expect(violations).toEqual([]);
});

test("only the exact static names skip the proxy: a look-alike path still gets the CSP and the origin check", async ({
  request,
}) => {
  for (const path of ["/favicon.icoX", "/icon.svg.x", "/_next/imagex"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-security-policy"], path).toContain("nonce-");
    const action = await request.post(path, {
      headers: { origin: "https://attacker.example", "next-action": "0".repeat(42) },
      data: "[]",
    });
    expect(action.status(), path).toBe(403);
  }
  // The real ones are still served as static files.
  expect((await request.get("/icon.svg")).status()).toBe(200);
});

test("with no proxy trusted, a client's own X-Forwarded-Proto does not turn on HSTS (proxies.spec.ts: behind one, it does)", async ({
  request,
}) => {
  const response = await request.get("/compose", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
  expect(response.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
});

/** A real server action call from the page, captured so that a test can replay it with other headers. */
async function captureSendAction(page: Page) {
  const compose = new ComposePage(page);
  await compose.open();
  const captured = page.waitForRequest(
    (request) => request.method() === "POST" && !!request.headers()["next-action"],
  );
  await compose.field("Recipient").fill(uniquePhone());
  await compose.field("Message").fill("Captured");
  await compose.send();
  const request = await captured;
  await expect(compose.status()).toContainText("Message enqueued");
  return { url: request.url(), headers: request.headers(), body: request.postData()! };
}

/** The captured call for another recipient, as a new attempt. */
function replayBody(body: string, to: string) {
  return body
    .replace(/"to":"[^"]*"/, `"to":"${to}"`)
    .replace(/"idempotencyKey":"[^"]*"/, `"idempotencyKey":"${crypto.randomUUID()}"`);
}

test("a server action call from another origin is refused and nothing reaches Callbell", async ({ page }) => {
  const action = await captureSendAction(page);
  const { origin } = new URL(action.url);
  const send = (to: string, headers: Record<string, string>) =>
    page.request.post(action.url, {
      headers: {
        "next-action": action.headers["next-action"]!,
        "content-type": action.headers["content-type"]!,
        ...headers,
      },
      data: replayBody(action.body, to),
    });

  const fromElsewhere = uniquePhone();
  expect((await send(fromElsewhere, { origin: "https://evil.example" })).status()).toBe(403);
  const withoutOrigin = uniquePhone();
  expect((await send(withoutOrigin, {})).status()).toBe(403);

  // The same replay from the page's own origin does send: the refusals above were about the origin.
  const sameOrigin = uniquePhone();
  expect((await send(sameOrigin, { origin })).status()).toBe(200);
  await expect.poll(async () => (await stub.sendsTo(sameOrigin)).length).toBe(1);
  expect(await stub.sendsTo(fromElsewhere)).toEqual([]);
  expect(await stub.sendsTo(withoutOrigin)).toEqual([]);
});

test("an oversized body is refused before any action runs", async ({ page }) => {
  const action = await captureSendAction(page);
  const to = uniquePhone();
  const body = replayBody(action.body, to).replace('"Captured"', `"${"x".repeat(200_000)}"`);
  const response = await page.request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"]!,
      "content-type": action.headers["content-type"]!,
      origin: new URL(action.url).origin,
    },
    data: body,
  });
  expect(response.status()).toBe(413);
  expect(await stub.sendsTo(to)).toEqual([]);
});

test("a body without its length (chunked) is refused before Next reads it, on every route", async ({
  baseURL,
}) => {
  const { request } = await import("node:http");
  const chunked = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const call = request(new URL(path, baseURL), {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      call.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on("error", reject);
      // No Content-Length: Node sends the body chunked.
      call.write('{"event":"message_created",');
      call.end('"payload":{}}');
    });
  expect(await chunked("/api/webhooks/callbell/e2e-webhook-secret-7f3c")).toBe(411);
  expect(await chunked("/api/sandbox/v1/messages/send")).toBe(411);
  expect(await chunked("/api/broadcasts")).toBe(411);
});

test("a body declared too large is refused before it comes, and a target that is no address gets a 400", async ({
  baseURL,
}) => {
  const { connect } = await import("node:net");
  const { hostname, port } = new URL(baseURL!);
  // Writes `head` (and a little of a body) on a raw connection; the status line of the answer, or what came in 10 s.
  const raw = (head: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(head));
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString("latin1");
        if (!text.includes("\r\n")) return;
        resolve(text.split("\r\n")[0]!);
        socket.destroy();
      });
      socket.on("error", reject);
      setTimeout(() => {
        resolve(`no answer in 10 s: ${text}`);
        socket.destroy();
      }, 10_000);
    });
  // 20 MB declared, 1 kB sent: Next would keep up to 10 MB of it in memory before anything refused it.
  const declared = (path: string) =>
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
    `Content-Length: 20000000\r\n\r\n${"x".repeat(1024)}`;
  expect(await raw(declared("/api/history"))).toBe("HTTP/1.1 413 Payload Too Large");
  expect(await raw(declared("/api/broadcasts"))).toBe("HTTP/1.1 413 Payload Too Large");
  expect(await raw(declared("/compose"))).toBe("HTTP/1.1 413 Payload Too Large");
  expect(await raw(`GET * HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`)).toBe("HTTP/1.1 400 Bad Request");
});

test("over HTTP the sandbox's webhook is out of reach: no subscribe, no delivery log", async ({
  request,
}) => {
  const auth = { authorization: "Bearer anything" };
  const subscribe = await request.post("/api/sandbox/v1/webhooks/subscribe", {
    headers: auth,
    data: { url: "http://127.0.0.1:4599/steal", subscriptions: ["message_created"] },
  });
  expect(subscribe.status()).toBe(404);
  expect((await request.get("/api/sandbox/v1/webhooks/events", { headers: auth })).status()).toBe(404);
  expect((await request.delete("/api/sandbox/v1/webhooks/unsubscribe", { headers: auth })).status()).toBe(
    404,
  );
});

test("over HTTP a send to the sandbox's unanswered number ends when Bellhop's own timeout would (CALLBELL_TIMEOUT_MS)", async ({
  request,
}) => {
  const response = await request.post("/api/sandbox/v1/messages/send", {
    headers: { authorization: "Bearer anything" },
    data: {
      to: "+15550000408",
      from: "whatsapp",
      type: "text",
      channel_uuid: "any",
      content: { text: "Hi" },
    },
    timeout: 20_000,
  });
  // The e2e servers wait 3 s for Callbell; the hold used to be two minutes, past this request's 20 s.
  expect(response.status()).toBe(504);
});

test("every /api error answers in the one JSON shape, an ambiguous address is refused, and a missing broadcast's report is a 404", async ({
  request,
}) => {
  const shapeOf = async (response: Awaited<ReturnType<typeof request.get>>) => ({
    status: response.status(),
    code: ((await response.json()) as { code?: string }).code,
  });
  // An address Bellhop does not have, and the webhook's wrong secret: the same 404.
  expect(await shapeOf(await request.get("/api/nope"))).toEqual({ status: 404, code: "not_found" });
  expect(await shapeOf(await request.post("/api/webhooks/callbell/wrong-secret", { data: {} }))).toEqual({
    status: 404,
    code: "not_found",
  });
  // A cross-origin post, refused by the proxy before any route runs.
  const crossOrigin = await request.post("/api/broadcasts", {
    headers: { origin: "http://evil.example" },
    data: {},
  });
  expect(await shapeOf(crossOrigin)).toEqual({ status: 403, code: "forbidden" });
  // An encoded slash cannot reach the sandbox mount's exemption from the Origin check (and through it a page).
  const sneaky = await request.post("/api/sandbox/..%2f..%2fx", {
    headers: { origin: "http://evil.example", "Next-Action": "0".repeat(42) },
    data: {},
  });
  expect(await shapeOf(sneaky)).toEqual({ status: 400, code: "bad_request" });
  // A broadcast that does not exist has no report (checked before its download is audited).
  expect(await shapeOf(await request.get("/api/broadcasts/999999/export"))).toEqual({
    status: 404,
    code: "not_found",
  });
  expect(await shapeOf(await request.get("/api/broadcasts/999999/recipients"))).toEqual({
    status: 404,
    code: "not_found",
  });
  // A history cursor is a send's id: one no id can reach is refused like any other that cannot be read.
  for (const cursor of ["abc", "-1", "99999999999999999999999", "1e308"]) {
    expect(await shapeOf(await request.get(`/api/history?cursor=${cursor}`)), cursor).toEqual({
      status: 400,
      code: "bad_request",
    });
  }
});

test("the benchmarks' pages do not exist unless a bench turns them on (BELLHOP_BENCH_PAGES)", async ({
  page,
}) => {
  for (const path of ["/bench/action", "/bench/floor"]) {
    expect((await page.goto(path))!.status(), path).toBe(404);
    await expect(page.getByRole("button", { name: "Run the empty action" })).toHaveCount(0);
  }
});
