import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dateRange,
  historySearchParams,
  parseHistoryFilters,
  recipientNeedle,
  type HistoryFilters,
} from "./filters";

describe("history filters in the URL", () => {
  it("reads every filter", () => {
    const { filters, errors } = parseHistoryFilters(
      new URLSearchParams(
        "status=failed&type=template&platform=whatsapp&template=t1&channel=c1&sender=u1&from=2026-11-01&to=2026-11-02&q=%2B31 6",
      ),
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      status: "failed",
      type: "template",
      platform: "whatsapp",
      template: "t1",
      channel: "c1",
      sender: "u1",
      from: "2026-11-01",
      to: "2026-11-02",
      q: "+31 6",
    });
  });

  it("names what it cannot read instead of ignoring it", () => {
    const { filters, errors } = parseHistoryFilters(
      new URLSearchParams("status=lost&type=fax&from=2026-02-30&to=yesterday&q=" + "x".repeat(201)),
    );
    expect(filters).toEqual({});
    expect(Object.keys(errors).sort()).toEqual(["from", "q", "status", "to", "type"]);
    const backwards = parseHistoryFilters(new URLSearchParams("from=2026-11-05&to=2026-11-01"));
    expect(backwards.errors.to).toMatch(/before/);
    // Ignored, as the page says, not applied: the history from the 5th on.
    expect(backwards.filters).toEqual({ from: "2026-11-05" });
  });

  it("refuses a filter given twice with different values, rather than read one of them", () => {
    const twice = parseHistoryFilters(new URLSearchParams("status=failed&status=read&type=text&type=text"));
    expect(twice.filters).toEqual({ type: "text" });
    expect(twice.errors).toEqual({ status: "given more than once: one value only" });
  });

  it("round-trips through the query string", () => {
    const filter = fc.record(
      {
        status: fc.constantFrom("sent", "failed", "read" as const),
        type: fc.constantFrom("text", "template" as const),
        template: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ""),
        sender: fc.uuid(),
        from: fc.constantFrom("2026-01-01", "2026-11-22"),
        q: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ""),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filter, (filters) => {
        const parsed = parseHistoryFilters(
          new URLSearchParams(historySearchParams(filters as HistoryFilters).toString()),
        );
        expect(parsed.filters).toEqual(filters);
      }),
    );
  });

  it("takes whole UTC days, both ends included", () => {
    expect(dateRange({ from: "2026-11-01", to: "2026-11-01" })).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-11-02T00:00:00Z"),
    });
  });

  it("searches a phone number by its digits", () => {
    expect(recipientNeedle("+31 (6) 12-34")).toBe("3161234");
    expect(recipientNeedle("jane_doe")).toBe("jane_doe");
  });
});
