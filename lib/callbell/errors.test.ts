import { describe, expect, it } from "vitest";
import { CallbellError, isCallbellError, parseCallbellError, parseRetryAfter } from "./errors";

describe("parseCallbellError", () => {
  it("reads the plain shape {error: message}", () => {
    const error = parseCallbellError(401, '{"error":"Invalid API token"}');
    expect(error.status).toBe(401);
    expect(error.message).toContain("Invalid API token");
  });
  it("reads the Rails shape {error: {field: [messages]}} into field errors", () => {
    const error = parseCallbellError(400, '{"error":{"metadata":["must be string"]}}');
    expect(error.fieldErrors).toEqual({ metadata: ["must be string"] });
    expect(error.message).toContain("metadata must be string");
  });
  it("words the depleted wallet code", () => {
    const error = parseCallbellError(402, '{"code":"whatsapp_wallet_depleted_credit"}');
    expect(error.code).toBe("whatsapp_wallet_depleted_credit");
    expect(error.message).toMatch(/no credit/);
  });
  it("falls back to the raw text, and to the status when there is none", () => {
    expect(parseCallbellError(500, "upstream exploded").message).toContain("upstream exploded");
    expect(parseCallbellError(503, "").message).toContain("HTTP 503");
  });
  it("parses Retry-After in seconds and as a date", () => {
    expect(parseRetryAfter("3")).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 5_000)).toBe(5);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("isCallbellError", () => {
  it("knows a CallbellError made by another copy of the module (Next bundles server code more than once)", () => {
    class OtherCopy extends Error {
      readonly status = 402;
      constructor() {
        super("no credit");
        this.name = "CallbellError";
      }
    }
    expect(isCallbellError(new OtherCopy())).toBe(true);
    expect(isCallbellError(new CallbellError({ kind: "http", status: 500, message: "x" }))).toBe(true);
    expect(isCallbellError(new Error("plain"))).toBe(false);
    expect(isCallbellError({ name: "CallbellError", status: 1 })).toBe(false);
  });
});
