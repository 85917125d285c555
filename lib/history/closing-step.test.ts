import { describe, expect, it } from "vitest";
import { closingStep } from "./closing-step";

const row = { errorStatus: null, scheduledFor: null, scheduledZone: null };

describe("closingStep", () => {
  it("ends a send's timeline in the history's words, a scheduled one included", () => {
    expect(closingStep({ ...row, status: "enqueued" })).toEqual({
      label: "enqueued",
      words: "Callbell's answer",
    });
    expect(closingStep({ ...row, status: "unknown" }).words).toMatch(/^no answer from Callbell/);
    expect(closingStep({ ...row, status: "unknown", errorStatus: 500 }).words).toBe(
      "Callbell's answer (HTTP 500)",
    );
    expect(
      closingStep({
        ...row,
        status: "scheduled",
        scheduledFor: new Date("2026-11-28T08:00:00Z"),
        scheduledZone: "Europe/Madrid",
      }),
    ).toEqual({ label: "scheduled", words: "goes out 28 Nov 2026, 09:00 CET (Europe/Madrid)" });
    expect(closingStep({ ...row, status: "cancelled" }).label).toBe("cancelled");
    expect(closingStep({ ...row, status: "missed" }).words).toMatch(/not running at its time/);
    expect(closingStep({ ...row, status: "not_sent", scheduledFor: new Date() }).words).toMatch(
      /refused when it was due/,
    );
  });
});
