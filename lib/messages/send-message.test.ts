import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { testDatabase } from "@/lib/db/testing";
import { listSends } from "@/lib/db/queries";
import { emptyComposeForm } from "./compose-form";
import { sendComposedMessage, type SendDependencies } from "./send-message";

async function setup(respond: () => Promise<Response>) {
  const sent: unknown[] = [];
  const db = await testDatabase();
  let calls = 0;
  const client = createCallbellClient({
    baseUrl: "https://api.example/v1",
    token: "t",
    timeoutMs: 1000,
    fetch: (async (_url: string, init: RequestInit) => {
      calls++;
      sent.push(JSON.parse(String(init.body)));
      return respond();
    }) as unknown as typeof fetch,
    sleep: async () => {},
  });
  const deps: SendDependencies = {
    db: db,
    client,
    loadTemplates: async () => [],
    waitForInFlightMs: 2000,
    sender: { id: "user-1", email: "ana@example.com" },
  };
  return { deps, calls: () => calls, sent };
}

const valid = { ...emptyComposeForm("idem-key-0001"), to: "+31612345678", text: "Hi" };
const ok = () => Promise.resolve(Response.json({ message: { uuid: "u1", status: "enqueued" } }));

describe("sending a composed message", () => {
  it("records the send and its Callbell uuid", async () => {
    const { deps } = await setup(ok);
    expect(await sendComposedMessage(valid, deps)).toMatchObject({ kind: "enqueued", uuid: "u1" });
    const { rows } = await listSends(deps.db);
    expect(rows[0]).toMatchObject({
      status: "enqueued",
      callbellUuid: "u1",
      messageType: "text",
      senderId: "user-1",
      senderEmail: "ana@example.com",
    });
  });
  it("sends once for two attempts with the same idempotency key, even at the same time", async () => {
    const { deps, calls } = await setup(
      () => new Promise((r) => setTimeout(() => r(Response.json({ message: { uuid: "u1" } })), 50)),
    );
    const [first, second] = await Promise.all([
      sendComposedMessage(valid, deps),
      sendComposedMessage(valid, deps),
    ]);
    expect(calls()).toBe(1);
    expect(first).toMatchObject({ kind: "enqueued", uuid: "u1" });
    expect(second).toMatchObject({ kind: "enqueued", uuid: "u1" });
  });
  it("never calls Callbell with invalid input", async () => {
    const { deps, calls } = await setup(ok);
    const result = await sendComposedMessage({ ...valid, to: "12" }, deps);
    expect(result).toMatchObject({ kind: "invalid", fieldErrors: { to: expect.any(String) } });
    expect(calls()).toBe(0);
  });
  it("keeps Callbell's rejection and maps its field errors to the form", async () => {
    const { deps } = await setup(() =>
      Promise.resolve(Response.json({ error: { to: ["is invalid"] } }, { status: 400 })),
    );
    const result = await sendComposedMessage(valid, deps);
    expect(result).toMatchObject({
      kind: "rejected",
      status: 400,
      fieldErrors: { to: "Callbell: to is invalid" },
    });
    expect((await listSends(deps.db)).rows[0]).toMatchObject({ status: "rejected", errorStatus: 400 });
  });
  it("records unknown after a timeout", async () => {
    const { deps } = await setup(() =>
      Promise.reject(Object.assign(new Error("t"), { name: "TimeoutError" })),
    );
    expect(await sendComposedMessage(valid, deps)).toMatchObject({ kind: "unknown" });
    expect((await listSends(deps.db)).rows[0]?.status).toBe("unknown");
  });
  it("sends a template typed by hand when the template list cannot be read, with its chosen header", async () => {
    const { deps, sent } = await setup(ok);
    deps.loadTemplates = () => Promise.reject(new Error("Callbell could not be reached"));
    const manual = {
      ...valid,
      type: "template" as const,
      templateUuid: "tpl-by-hand",
      templateHeader: "document" as const,
      variables: [{ value: "Jo" }, { value: "INV-7" }],
      optin: true,
    };
    expect(await sendComposedMessage({ ...manual, mediaUrls: { ...manual.mediaUrls } }, deps)).toMatchObject({
      kind: "invalid",
      fieldErrors: { "mediaUrls.template": expect.any(String) },
    });
    const withUrl = { ...manual, mediaUrls: { ...manual.mediaUrls, template: "https://x.test/inv.pdf" } };
    expect(await sendComposedMessage(withUrl, deps)).toMatchObject({ kind: "enqueued" });
    expect(sent[0]).toMatchObject({
      type: "document",
      content: { text: "Jo", url: "https://x.test/inv.pdf" },
      template_uuid: "tpl-by-hand",
      template_values: ["Jo", "INV-7"],
      optin_contact: true,
    });
  });
});
