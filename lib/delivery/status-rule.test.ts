import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEND_STATUSES, type SendStatus } from "@/lib/db/schema";
import { failureReason } from "./failure-reason";
import { CALLBELL_STATUSES, isFinal, nextStatus } from "./status-rule";

describe("nextStatus", () => {
  it("moves forward only", () => {
    expect(nextStatus("enqueued", "sent")).toBe("sent");
    expect(nextStatus("enqueued", "read")).toBe("read");
    expect(nextStatus("delivered", "read")).toBe("read");
    expect(nextStatus("read", "sent")).toBeNull();
    expect(nextStatus("delivered", "enqueued")).toBeNull();
    expect(nextStatus("sent", "sent")).toBeNull();
  });

  it("keeps failed, mismatch and rejected final", () => {
    for (const incoming of CALLBELL_STATUSES) {
      expect(nextStatus("failed", incoming)).toBeNull();
      expect(nextStatus("mismatch", incoming)).toBeNull();
      expect(nextStatus("rejected", incoming)).toBeNull();
    }
    expect(nextStatus("delivered", "failed")).toBe("failed");
    expect(nextStatus("enqueued", "mismatch")).toBe("mismatch");
  });

  it("lets Callbell settle an unknown outcome", () => {
    expect(nextStatus("unknown", "delivered")).toBe("delivered");
    expect(nextStatus("sending", "enqueued")).toBe("enqueued");
  });

  it("ends in the same status whatever order the events arrive in (no failure among them)", () => {
    const progress = ["enqueued", "sent", "delivered", "read"] as const;
    fc.assert(
      fc.property(fc.shuffledSubarray([...progress], { minLength: 1 }), (events) => {
        let status: SendStatus = "enqueued";
        for (const event of events) status = nextStatus(status, event) ?? status;
        const highest = progress.filter((s) => s === "enqueued" || events.includes(s)).at(-1);
        expect(status).toBe(highest);
      }),
    );
  });

  it("never leaves a final status and never goes back, for any sequence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEND_STATUSES),
        fc.array(fc.constantFrom(...CALLBELL_STATUSES)),
        (start, events) => {
          let status: SendStatus = start;
          for (const event of events) {
            const next = nextStatus(status, event);
            if (isFinal(status)) expect(next).toBeNull();
            if (next) status = next;
          }
        },
      ),
    );
  });
});

describe("failureReason", () => {
  it("reads payload.reason with its code, where callbell-api.md says it most likely is", () => {
    expect(
      failureReason({
        type: "message-event",
        payload: { type: "failed", code: 1002, reason: "Number does not exist" },
      }),
    ).toBe("Number does not exist (code 1002)");
  });

  it("looks in error, message, description and title, at any depth", () => {
    expect(failureReason({ errors: [{ code: 131026, title: "Message undeliverable" }] })).toBe(
      "Message undeliverable (code 131026)",
    );
    expect(failureReason({ payload: { error: { message: "Media download failed" } } })).toBe(
      "Media download failed",
    );
    expect(failureReason({ description: "Opted out" })).toBe("Opted out");
  });

  it("skips words that say nothing (a type 'failed') and falls back to the raw JSON", () => {
    expect(failureReason({ payload: { type: "failed", error: "failed", detail: 7 } })).toBe(
      '{"payload":{"type":"failed","error":"failed","detail":7}}',
    );
    expect(failureReason(null)).toBeNull();
    expect(failureReason({})).toBeNull();
    expect(failureReason({ x: "y".repeat(400) })!.length).toBeLessThanOrEqual(301);
  });

  it("keeps a reason in words to 500 characters: it is on every history row and in the export", () => {
    const reason = failureReason({ payload: { reason: "z".repeat(90_000), code: "9".repeat(1_000) } })!;
    expect(reason).toBe(`${"z".repeat(500)}… (code ${"9".repeat(40)})`);
  });
});
