import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { handleSandboxRequest, MAX_HELD, SANDBOX_MESSAGES_KEPT } from "./simulator";
import {
  sandboxChannel as channel,
  sandboxGet as get,
  sandboxSend as send,
  TEXT_SEND as text,
} from "./testing";

/** What the simulator refuses and how long it holds, whatever its public mount is sent. */

describe("the sandbox's limits", () => {
  it("refuses a recipient longer than Bellhop's own limits", async () => {
    const long = await send({
      ...text,
      to: "x".repeat(201),
      from: "telegram",
      channel_uuid: channel("Telegram bot"),
    });
    expect(long.status).toBe(400);
    expect((await long.json()).error.to).toEqual(["is too long (maximum is 200 characters)"]);
    const bsuid = await send({ ...text, to: undefined, bsuid: `US.${"1".repeat(126)}` });
    expect((await bsuid.json()).error.bsuid).toEqual(["is too long (maximum is 128 characters)"]);
  });

  it(`keeps only the newest ${SANDBOX_MESSAGES_KEPT} messages`, async () => {
    const first = (await (await send(text)).json()).message.uuid;
    for (let i = 0; i < SANDBOX_MESSAGES_KEPT; i++) await send(text);
    expect((await get(`/messages/status/${first}`)).status).toBe(404);
  }, 20_000);
});

describe("the held send (+15550000408)", () => {
  it("answers 504 once the caller's hold is over, not two minutes later", async () => {
    vi.useFakeTimers();
    try {
      let answered: Response | null = null;
      void handleSandboxRequest(
        new Request("http://sandbox/v1/messages/send", {
          method: "POST",
          headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
          body: JSON.stringify({ ...text, to: "+15550000408" }),
        }),
        { overHttp: true, holdMs: 3_000 },
      ).then((response) => (answered = response));
      await vi.advanceTimersByTimeAsync(2_900);
      expect(answered).toBeNull();
      await vi.advanceTimersByTimeAsync(200);
      expect(answered!.status).toBe(504);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`holds at most ${MAX_HELD} at once: the others answer 504 at once, and a freed place is taken again`, async () => {
    vi.useFakeTimers();
    try {
      const hold = () =>
        handleSandboxRequest(
          new Request("http://sandbox/v1/messages/send", {
            method: "POST",
            headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
            body: JSON.stringify({ ...text, to: "+15550000408" }),
          }),
          { overHttp: true, holdMs: 1_000 },
        );
      const answered: number[] = [];
      const first = Array.from({ length: MAX_HELD + 5 }, (_, index) =>
        hold().then(() => answered.push(index)),
      );
      await vi.advanceTimersByTimeAsync(10);
      expect(answered.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4].map((n) => n + MAX_HELD));
      await vi.advanceTimersByTimeAsync(1_000);
      await Promise.all(first);
      let later = false;
      void hold().then(() => (later = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(later).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(later).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("whatever body arrives over HTTP (fuzzed)", () => {
  it("a send answers 200 or a 4xx and never throws, for random text, JSON and near-messages", async () => {
    // JSON whose objects may carry toString, valueOf or __proto__: String() of `{"toString": {}}` throws.
    const hostile = fc.anything({
      key: fc.oneof(fc.string(), fc.constantFrom("toString", "valueOf", "__proto__", "constructor")),
    });
    const nearMessage = fc.record(
      {
        to: fc.oneof(fc.string(), fc.constantFrom("+31612345678", "US.13491208655302741918"), hostile),
        from: fc.oneof(fc.constantFrom("whatsapp", "instagram", "facebook", "telegram"), hostile),
        type: fc.oneof(fc.constantFrom("text", "image", "document", "audio", "video"), hostile),
        channel_uuid: fc.oneof(fc.constant(channel("Support line")), hostile),
        content: hostile,
        template_uuid: hostile,
        template_values: hostile,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          nearMessage.map((value) => JSON.stringify(value)),
        ),
        async (body) => {
          const response = await handleSandboxRequest(
            new Request("http://sandbox/v1/messages/send", {
              method: "POST",
              headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
              body,
            }),
            { overHttp: true },
          );
          expect([200, 400, 401, 402, 404, 422, 429]).toContain(response.status);
          await response.json();
        },
      ),
      { numRuns: 300 },
    );
  });
});
