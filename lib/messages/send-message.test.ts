import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { testDatabase } from "@/lib/db/testing";
import { listSends } from "@/lib/db/history-queries";
import { findSendById } from "@/lib/db/send-queries";
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
    fetch: async (_url: string, init: RequestInit) => {
      calls++;
      sent.push(JSON.parse(String(init.body)));
      return respond();
    },
    sleep: async () => {},
  });
  const deps: SendDependencies = {
    db: db,
    client,
    loadTemplates: async () => [],
    loadChannels: async (platform) => [
      { uuid: `${platform}-main`, title: "Main", type: platform, main: true },
      { uuid: `${platform}-2`, title: "Second", type: platform, main: false },
    ],
    waitForInFlightMs: 2000,
    sender: { id: "user-1", email: "ana@example.com" },
  };
  return { deps, calls: () => calls, sent };
}

const valid = {
  ...emptyComposeForm("idem-key-0001"),
  to: "+31612345678",
  channelUuid: "whatsapp-main",
  text: "Hi",
};
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
    // The history shows Callbell's answer as it came, not Bellhop's reading of it.
    const stored = await findSendById(deps.db, (await listSends(deps.db)).rows[0]!.id);
    expect(JSON.parse(stored!.responseBody!)).toEqual({ error: { to: ["is invalid"] } });
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

  it("sends on the chosen channel of the chosen platform, and never one of another platform", async () => {
    const { deps, sent, calls } = await setup(ok);
    const instagram = { ...valid, platform: "instagram" as const, to: "ig_user", channelUuid: "instagram-2" };
    expect(await sendComposedMessage(instagram, deps)).toMatchObject({ kind: "enqueued" });
    expect(sent[0]).toMatchObject({ to: "ig_user", from: "instagram", channel_uuid: "instagram-2" });
    const mixed = { ...instagram, idempotencyKey: "idem-key-0002", channelUuid: "whatsapp-main" };
    expect(await sendComposedMessage(mixed, deps)).toMatchObject({
      kind: "invalid",
      fieldErrors: { channelUuid: "This is not an active Instagram channel of your Callbell account" },
    });
    expect(calls()).toBe(1);
  });
  it("refuses before anything leaves when the channels cannot be read, and may be tried again", async () => {
    const { deps, calls } = await setup(ok);
    deps.loadChannels = () => Promise.reject(new Error("Callbell could not be reached"));
    const result = await sendComposedMessage(valid, deps);
    expect(result).toMatchObject({
      kind: "rejected",
      sendId: null,
      status: 0,
      fieldErrors: { channelUuid: expect.stringContaining("could not read the WhatsApp channels") },
    });
    expect(calls()).toBe(0);
    expect((await listSends(deps.db)).rows).toHaveLength(0);
  });
  it("sends a BSUID as bsuid, without to, and records it as the recipient", async () => {
    const { deps, sent } = await setup(ok);
    expect(await sendComposedMessage({ ...valid, to: " US.13491208655302741918 " }, deps)).toMatchObject({
      kind: "enqueued",
    });
    expect(sent[0]).toEqual({
      bsuid: "US.13491208655302741918",
      from: "whatsapp",
      type: "text",
      content: { text: "Hi" },
      channel_uuid: "whatsapp-main",
    });
    expect((await listSends(deps.db)).rows[0]?.recipient).toBe("US.13491208655302741918");
  });
  it("polls WhatsApp sends only: other platforms report no delivery status", async () => {
    const { deps } = await setup(ok);
    await sendComposedMessage(valid, deps);
    const telegram = {
      ...valid,
      idempotencyKey: "idem-key-0003",
      platform: "telegram" as const,
      to: "tg_user",
      channelUuid: "telegram-main",
    };
    await sendComposedMessage(telegram, deps);
    const rows = (await listSends(deps.db)).rows;
    expect(rows.find((row) => row.platform === "whatsapp")?.nextPollAt).toBeInstanceOf(Date);
    expect(rows.find((row) => row.platform === "telegram")?.nextPollAt).toBeNull();
  });
});
