import { describe, expect, it } from "vitest";
import { createCallbellClient } from "./client";
import { CallbellError } from "./errors";
import { MAX_RESPONSE_BYTES, TOKEN_REDACTED } from "./transport";

type Step = Response | Error;

function fakeFetch(steps: Step[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const step = steps.shift();
    if (!step) throw new Error("no more steps");
    if (step instanceof Error) throw step;
    return step;
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const refused = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
const reset = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
const timeout = () => Object.assign(new Error("timed out"), { name: "TimeoutError" });
const ok = () => json(200, { message: { uuid: "u1", status: "enqueued" } });
const body = {
  to: "+31612345678",
  from: "whatsapp",
  type: "text" as const,
  content: { text: "Hi" },
  channel_uuid: "chan-1",
};

function client(steps: Step[]) {
  const fake = fakeFetch(steps);
  const sleeps: number[] = [];
  const instance = createCallbellClient({
    baseUrl: "https://api.example/v1/",
    token: "secret",
    timeoutMs: 1000,
    fetch: fake.fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 1,
  });
  return { instance, calls: fake.calls, sleeps };
}

describe("the Callbell client", () => {
  it("sends the token and JSON headers", async () => {
    const { instance, calls } = client([ok()]);
    await instance.sendMessage(body);
    expect(calls[0]?.url).toBe("https://api.example/v1/messages/send");
    expect(calls[0]?.init.headers).toMatchObject({
      Authorization: "Bearer secret",
      "Content-Type": "application/json",
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);
  });
  it("retries a send after a 429, honouring Retry-After up to 10 s", async () => {
    const { instance, calls, sleeps } = client([json(429, {}, { "Retry-After": "30" }), ok()]);
    expect((await instance.sendMessage(body)).uuid).toBe("u1");
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([10_000]);
  });
  it("retries a send at most twice", async () => {
    const { instance, calls } = client([json(429, {}), json(429, {}), json(429, {}), ok()]);
    await expect(instance.sendMessage(body)).rejects.toMatchObject({ status: 429 });
    expect(calls).toHaveLength(3);
  });
  it("retries a send after a refused connection", async () => {
    const { instance, calls } = client([refused(), ok()]);
    await instance.sendMessage(body);
    expect(calls).toHaveLength(2);
  });
  it("never retries a send after a 500, a reset connection or a timeout", async () => {
    for (const step of [json(500, { error: "boom" }), reset(), timeout()]) {
      const { instance, calls } = client([step, ok()]);
      await expect(instance.sendMessage(body)).rejects.toBeInstanceOf(CallbellError);
      expect(calls).toHaveLength(1);
    }
  });
  it("reports a timeout as kind timeout", async () => {
    const { instance } = client([timeout()]);
    await expect(instance.sendMessage(body)).rejects.toMatchObject({ kind: "timeout", status: 0 });
  });
  it("retries reads on 5xx and network failures, three tries at most", async () => {
    const { instance, calls } = client([json(502, {}), reset(), json(503, {}), json(200, { templates: [] })]);
    await expect(instance.listTemplates()).rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(3);
  });
  it("does not retry a read on a 401", async () => {
    const { instance, calls } = client([json(401, { error: "bad token" })]);
    await expect(instance.getMe()).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });
  it("asks /templates without page (none is documented) and pages only when meta says there is more", async () => {
    const t = (uuid: string) => ({
      uuid,
      title: uuid,
      text: "",
      templateType: "text",
      category: "UTILITY",
      status: "approved",
    });
    const { instance, calls } = client([
      json(200, { templates: [t("a")], meta: { page: 1, pages: 2 } }),
      json(200, { templates: [t("b")], meta: { page: 2, pages: 2 } }),
    ]);
    expect((await instance.listTemplates()).map((x) => x.uuid)).toEqual(["a", "b"]);
    expect(calls.map((c) => c.url)).toEqual([
      "https://api.example/v1/templates",
      "https://api.example/v1/templates?page=2",
    ]);
  });

  it("stops paging when a page repeats what was read, and keeps each item once", async () => {
    const team = (uuid: string) => ({ uuid, name: uuid, default: false });
    // A Callbell that ignores `page` while meta says there are 5 pages: the second answer is the first again.
    const { instance, calls } = client([
      json(200, { teams: [team("a"), team("b")], meta: { page: 1, pages: 5 } }),
      json(200, { teams: [team("a"), team("b")], meta: { page: 1, pages: 5 } }),
    ]);
    expect((await instance.listTeams()).map((x) => x.uuid)).toEqual(["a", "b"]);
    expect(calls).toHaveLength(2);
  });

  it("stops at an empty page whatever meta says", async () => {
    const member = (email: string) => ({ email, name: email, available: true });
    const { instance, calls } = client([
      json(200, { users: [member("a@x.y")], meta: { page: 1, pages: 9 } }),
      json(200, { users: [], meta: { page: 2, pages: 9 } }),
    ]);
    expect(await instance.listTeamMembers("t1")).toHaveLength(1);
    expect(calls.map((c) => c.url)).toEqual([
      "https://api.example/v1/teams/t1/members?page=1",
      "https://api.example/v1/teams/t1/members?page=2",
    ]);
  });

  it("asks for one platform's active channels and drops any of another type or discarded", async () => {
    const { instance, calls } = client([
      json(200, {
        channels: [
          { uuid: "w1", title: "Main", type: "whatsapp", main: true, discardedAt: false },
          { uuid: "w2", title: "Old", type: "whatsapp", main: false, discardedAt: true },
          { uuid: "w3", title: "Gone", type: "whatsapp", main: false, discardedAt: "2026-01-01T00:00:00Z" },
          { uuid: "i1", title: "Shop", type: "instagram", main: true, discardedAt: false },
        ],
        meta: { page: 1, pages: 1 },
      }),
    ]);
    expect(await instance.listChannels("whatsapp")).toEqual([
      { uuid: "w1", title: "Main", type: "whatsapp", main: true },
    ]);
    expect(calls[0]!.url).toBe("https://api.example/v1/channels?type=whatsapp&active=true&page=1");
  });
  it("never returns the api_key of /auth/me", async () => {
    const { instance } = client([
      json(200, { status: "ok", user_email: "a@b.c", user_name: "A", api_key: "k" }),
    ]);
    expect(await instance.getMe()).toEqual({ email: "a@b.c", name: "A" });
  });
});

describe("what an answer may hold", () => {
  const TOKEN = "tok-SUPERSECRET-4242";
  const withToken = (step: Response) =>
    createCallbellClient({
      baseUrl: "https://api.example/v1/",
      token: TOKEN,
      timeoutMs: 1000,
      fetch: fakeFetch([step]).fetch,
      sleep: async () => {},
      random: () => 1,
    });

  it("never keeps the token when an answer repeats it: not in the message, not in the body kept", async () => {
    const echo = `bad request, your header was Bearer ${TOKEN}`;
    for (const answer of [
      json(400, { error: { message: echo } }),
      new Response(`<html>${echo}</html>`, { status: 500 }),
      new Response(`token=${encodeURIComponent(TOKEN)}`, { status: 401 }),
    ]) {
      const error = await withToken(answer)
        .sendMessage(body)
        .then(() => null)
        .catch((thrown: CallbellError) => thrown);
      if (!(error instanceof CallbellError)) throw new Error("the send should have failed");
      expect(`${error.message} ${error.body}`).not.toContain("SUPERSECRET");
      expect(error.body).toContain(TOKEN_REDACTED);
    }
    const me = withToken(json(200, { status: "ok", user_email: TOKEN, user_name: "A" }));
    expect((await me.getMe()).email).toBe(TOKEN_REDACTED);
  });

  it("stops reading an answer larger than it will ever need", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const error = await withToken(new Response(endless, { status: 500 }))
      .sendMessage(body)
      .catch((thrown: CallbellError) => thrown);
    expect(error).toMatchObject({ kind: "response", message: expect.stringContaining("larger than") });
    expect(sent).toBeLessThanOrEqual(MAX_RESPONSE_BYTES / chunk.byteLength + 2);
  });
});

describe("contacts", () => {
  it("reads a contact by its digits, taking tags and assignee as strings or objects", async () => {
    const { instance, calls } = client([
      json(200, {
        contact: {
          uuid: "c1",
          name: "Jane",
          phoneNumber: "+31612345678",
          tags: ["vip", { name: "returning" }],
          assignedUser: { email: "ana@example.com" },
          conversationHref: "https://dashboard.callbell.eu/chat/c1",
        },
      }),
    ]);
    expect(await instance.findContact({ phone: "+31 6 1234 5678" }, "chan 1")).toEqual({
      uuid: "c1",
      name: "Jane",
      phone: "+31612345678",
      bsuid: null,
      tags: ["vip", "returning"],
      assignedUser: "ana@example.com",
      conversationHref: "https://dashboard.callbell.eu/chat/c1",
    });
    expect(calls[0]!.url).toBe("https://api.example/v1/contacts/phone/31612345678?channel_uuid=chan%201");
    // Digits alone, as in Callbell's webhook examples, are shown with their "+".
    const digits = client([json(200, { contact: { uuid: "c3", name: "Carl", phoneNumber: "15550000101" } })]);
    expect((await digits.instance.findContact({ phone: "+15550000101" }))!.phone).toBe("+15550000101");
  });

  it("reads a contact by its BSUID", async () => {
    const { instance, calls } = client([
      json(200, { contact: { uuid: "c2", name: "Ann", phoneNumber: null, bsuid: "US.1349", tags: [] } }),
    ]);
    expect(await instance.findContact({ bsuid: "US.1349" })).toMatchObject({
      uuid: "c2",
      phone: "",
      bsuid: "US.1349",
    });
    expect(calls[0]!.url).toBe("https://api.example/v1/contacts/bsuid/US.1349");
  });

  it("takes a 404 as no contact, and fails on anything else", async () => {
    expect(
      await client([json(404, { error: "Not found" })]).instance.findContact({ phone: "+31612345678" }),
    ).toBeNull();
    await expect(
      client([json(401, { error: "Invalid token" })]).instance.findContact({ phone: "+31612345678" }),
    ).rejects.toBeInstanceOf(CallbellError);
  });

  it("reads a page of a contact's messages (the documented answer has no meta)", async () => {
    const { instance, calls } = client([
      json(200, {
        messages: [
          { uuid: "m1", text: "Hi", createdAt: "2026-11-22T10:00:00Z", status: "received" },
          { text: "Assigned to Ana", createdAt: "2026-11-22T09:00:00Z", status: "note" },
        ],
      }),
    ]);
    expect(await instance.listContactMessages("c1", 2)).toEqual([
      { uuid: "m1", createdAt: "2026-11-22T10:00:00Z", status: "received" },
      { uuid: "", createdAt: "2026-11-22T09:00:00Z", status: "note" },
    ]);
    expect(calls[0]!.url).toBe("https://api.example/v1/contacts/c1/messages?page=2");
  });
});
