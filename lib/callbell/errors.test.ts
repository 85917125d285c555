import { describe, expect, it } from "vitest";
import { parseCallbellError, parseRetryAfter } from "./errors";

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
