import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { countReceivedMessages } from "@/lib/db/reply-queries";
import { listStatusEvents } from "@/lib/db/status-event-queries";
import { testDatabase } from "@/lib/db/testing";
import { readWebhookReceipts } from "@/lib/db/webhook-queries";
import { handleCallbellWebhook } from "./webhook";

const SECRET = "webhook-secret-0123456789";

function call(
  db: Database,
  init: RequestInit = {},
  options: { given?: string; secret?: string; at?: Date } = {},
) {
  return handleCallbellWebhook(new Request("http://bellhop.test/hook", init), options.given ?? SECRET, {
    secret: "secret" in options ? options.secret : SECRET,
    db: async () => db,
    now: () => options.at ?? new Date("2026-03-01T10:00:00Z"),
  });
}

const post = (body: string) => ({ method: "POST", body });
const event = (name: string, payload: unknown) => post(JSON.stringify({ event: name, payload }));

describe("the Callbell webhook's answers", () => {
  it.each([
    ["a GET", { method: "GET" }],
    ["an empty POST", post("")],
    ["a POST of {}", post("{}")],
    ["a POST that is not JSON", post("{not json")],
    ["a POST of a JSON array", post("[]")],
    ["a POST of a JSON string", post('"ping"')],
    ["a POST of null", post("null")],
    ["an object whose event is not a name", post('{"event":42}')],
  ])("answers a health check sent as %s with 200 {status: ok}", async (_, init) => {
    const response = await call(await testDatabase(), init);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is not there without a secret, or with a wrong one, whatever the request", async () => {
    const db = await testDatabase();
    for (const init of [{ method: "GET" }, post(""), event("message_created", {})]) {
      expect((await call(db, init, { secret: undefined })).status).toBe(404);
      expect((await call(db, init, { given: "wrong-secret-0123456789" })).status).toBe(404);
    }
    expect(await readWebhookReceipts(db)).toEqual({ event: null, check: null });
  });

  it("answers an event Bellhop does not use with 200", async () => {
    const response = await call(await testDatabase(), event("contact_created", { uuid: "c1" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("records a status event and answers 200", async () => {
    const db = await testDatabase();
    const response = await call(db, event("message_status_updated", { uuid: "u-1", status: "sent" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", result: "unmatched" });
    expect((await listStatusEvents(db, "u-1")).map((row) => [row.status, row.source])).toEqual([
      ["sent", "webhook"],
    ]);
  });

  it("answers 200 to a status event without uuid or status, and records nothing of it", async () => {
    const db = await testDatabase();
    for (const payload of [{ status: "sent" }, { uuid: "u-2" }, { uuid: "", status: "sent" }, null]) {
      const response = await call(db, event("message_status_updated", payload));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", ignored: expect.any(String) });
    }
    expect(await listStatusEvents(db, "u-2")).toEqual([]);
  });

  it("answers 503, never 500, when a status cannot be recorded", async () => {
    const response = await handleCallbellWebhook(
      new Request("http://x/", event("message_status_updated", { uuid: "u", status: "sent" })),
      SECRET,
      { secret: SECRET, db: async () => Promise.reject(new Error("disk full")) },
    );
    expect(response.status).toBe(503);
  });

  it("answers a health check and an unused event with 200 even when the database fails", async () => {
    for (const init of [{ method: "GET" }, event("contact_created", {})]) {
      const response = await handleCallbellWebhook(new Request("http://x/", init), SECRET, {
        secret: SECRET,
        db: async () => Promise.reject(new Error("disk full")),
      });
      expect(response.status).toBe(200);
    }
  });
});

describe("a message_created event", () => {
  const received = { from: "15550000200", text: "Yes, please", status: "received", channel: "whatsapp" };

  it("keeps a message a customer sent, answers 200, and knows it again when Callbell delivers it twice", async () => {
    const db = await testDatabase();
    const first = await call(db, event("message_created", received));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "ok", result: "unlinked" });
    const again = await call(db, event("message_created", received));
    expect(await again.json()).toEqual({ status: "ok", result: "duplicate" });
    expect(await countReceivedMessages(db)).toEqual({ total: 1, unlinked: 1 });
  });

  it("keeps no event nested deeper than any of Callbell's (its raw payload would cost the pages dearly)", async () => {
    const db = await testDatabase();
    const contact = JSON.parse("[".repeat(3_000) + "]".repeat(3_000));
    const response = await call(db, event("message_created", { ...received, contact }));
    expect(response.status).toBe(200);
    expect(await countReceivedMessages(db)).toEqual({ total: 0, unlinked: 0 });
  });

  it("keeps no message Bellhop or an agent sent: it is no reply", async () => {
    const db = await testDatabase();
    const response = await call(db, event("message_created", { ...received, status: "sent" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(await countReceivedMessages(db)).toEqual({ total: 0, unlinked: 0 });
  });

  it("answers 503 when a customer's message cannot be recorded, so that Callbell delivers it again", async () => {
    const response = await handleCallbellWebhook(
      new Request("http://x/", event("message_created", received)),
      SECRET,
      { secret: SECRET, db: async () => Promise.reject(new Error("disk full")) },
    );
    expect(response.status).toBe(503);
  });
});

describe("when Bellhop last heard from Callbell", () => {
  it("keeps the last event's name and time, and the last health check's time, apart", async () => {
    const db = await testDatabase();
    await call(db, event("message_created", {}), { at: new Date("2026-03-01T10:00:00Z") });
    await call(db, { method: "GET" }, { at: new Date("2026-03-01T10:05:00Z") });
    await call(db, event("message_status_updated", { uuid: "u-3", status: "read" }), {
      at: new Date("2026-03-01T10:07:00Z"),
    });
    await call(db, post(""), { at: new Date("2026-03-01T10:09:00Z") });
    expect(await readWebhookReceipts(db)).toEqual({
      event: { name: "message_status_updated", receivedAt: new Date("2026-03-01T10:07:00Z") },
      check: { receivedAt: new Date("2026-03-01T10:09:00Z") },
    });
  });

  it("writes a burst of one event once a second, and a different event at once", async () => {
    const db = await testDatabase();
    const at = (ms: number) => ({ at: new Date(Date.parse("2026-03-01T12:00:00Z") + ms) });
    await call(db, event("message_created", {}), at(0));
    await call(db, event("message_created", {}), at(500));
    expect((await readWebhookReceipts(db)).event?.receivedAt).toEqual(at(0).at);
    await call(db, event("message_status_updated", {}), at(600));
    expect((await readWebhookReceipts(db)).event).toEqual({
      name: "message_status_updated",
      receivedAt: at(600).at,
    });
    await call(db, event("message_created", {}), at(1_000));
    expect((await readWebhookReceipts(db)).event).toEqual({
      name: "message_created",
      receivedAt: at(1_000).at,
    });
  });

  it("counts a status event it cannot use as received: Callbell did reach Bellhop", async () => {
    const db = await testDatabase();
    await call(db, event("message_status_updated", {}), { at: new Date("2026-03-01T11:00:00Z") });
    expect((await readWebhookReceipts(db)).event).toEqual({
      name: "message_status_updated",
      receivedAt: new Date("2026-03-01T11:00:00Z"),
    });
  });
});

describe("whatever body arrives (fuzzed)", () => {
  it("the webhook answers 2xx or 4xx and never throws, for random text, JSON and near-events", async () => {
    const db = await testDatabase();
    // Events without a message are ignored with a warning each; a failure to record would be an error.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error");
    // JSON whose objects may carry toString, valueOf or __proto__: String() of `{"toString": {}}` throws.
    const hostile = fc.anything({
      key: fc.oneof(fc.string(), fc.constantFrom("toString", "valueOf", "__proto__", "constructor")),
    });
    const nearEvent = fc.record({
      event: fc.oneof(
        fc.constantFrom("message_status_updated", "message_created", "contact_created"),
        fc.string(),
      ),
      payload: hostile,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          nearEvent.map((value) => JSON.stringify(value)),
        ),
        async (body) => {
          const response = await call(db, post(body));
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
    expect(error).not.toHaveBeenCalled();
    warn.mockRestore();
    error.mockRestore();
  });
});
