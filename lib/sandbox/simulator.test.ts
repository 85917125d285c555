import { describe, expect, it } from "vitest";
import { handleSandboxRequest, sandboxStatusAt } from "./simulator";

const send = (body: unknown, auth = "Bearer t") =>
  handleSandboxRequest(
    new Request("http://sandbox/v1/messages/send", {
      method: "POST",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
const text = { to: "+31612345678", from: "whatsapp", type: "text", content: { text: "Hi" } };

describe("the sandbox", () => {
  it("enqueues a valid message with Callbell's response shape", async () => {
    const response = await send(text);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.message).toMatchObject({ status: "enqueued" });
    expect(body.message.uuid).toMatch(/^[0-9a-f]{32}$/);
  });
  it("requires a token", async () => expect((await send(text, "")).status).toBe(401));
  it("answers a missing field with a Rails-style field error", async () => {
    const response = await send({ from: "whatsapp", type: "text", content: { text: "Hi" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { to: ["can't be blank"] } });
  });
  it("refuses a template without optin_contact", async () => {
    const response = await send({ ...text, template_uuid: "d980fb66fd5043d3ace1aa06ba044342" });
    expect((await response.json()).error).toHaveProperty("optin_contact");
  });
  it("refuses a non-string metadata value", async () => {
    const response = await send({ ...text, metadata: { id: 1 } });
    expect(await response.json()).toEqual({ error: { metadata: ["must be string"] } });
  });
  it.each([
    ["+15550000400", 400],
    ["+15550000401", 401],
    ["+15550000402", 402],
    ["+15550000500", 500],
  ])("magic recipient %s answers %i", async (to, status) => {
    expect((await send({ ...text, to })).status).toBe(status);
  });
  it("rate-limits +15550000429 once, then accepts it", async () => {
    expect((await send({ ...text, to: "+15550000429" })).status).toBe(429);
    expect((await send({ ...text, to: "+15550000429" })).status).toBe(200);
  });
  it("moves statuses forward over time, and fails +15550000999", () => {
    const message = { uuid: "u", to: "+31612345678", createdAt: 0, failsLater: false };
    expect([0, 2_000, 4_000, 7_000].map((t) => sandboxStatusAt(message, t))).toEqual([
      "enqueued",
      "sent",
      "delivered",
      "read",
    ]);
    expect(sandboxStatusAt({ ...message, failsLater: true }, 10_000)).toBe("failed");
  });
  it("lists approved and pending templates", async () => {
    const response = await handleSandboxRequest(
      new Request("http://sandbox/v1/templates", { headers: { Authorization: "Bearer t" } }),
    );
    const { templates } = await response.json();
    expect(templates.some((t: { status: string }) => t.status === "pending")).toBe(true);
  });
});
