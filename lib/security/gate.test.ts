import { describe, expect, it } from "vitest";
import { gateRefusal } from "./gate.mjs";
import { MAX_BROADCAST_BODY_BYTES, MAX_REQUEST_BODY_BYTES } from "./static-headers.mjs";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url,
  headers,
});
const length = (bytes: number) => ({ "content-length": String(bytes) });

describe("the edge's gate", () => {
  it("lets an ordinary request through", () => {
    expect(gateRefusal(request("/compose"))).toBeNull();
    expect(gateRefusal(request("/api/history?status=failed", length(120)))).toBeNull();
    expect(gateRefusal(request("/api/webhooks/callbell/secret", length(MAX_REQUEST_BODY_BYTES)))).toBeNull();
  });

  it("refuses a target that is no address (Next would fail on it with a 500)", () => {
    expect(gateRefusal(request("*"))?.status).toBe(400);
    expect(gateRefusal(request(""))?.status).toBe(400);
  });

  it("refuses the methods Next fails on with a 500 (TRACE, TRACK, CONNECT), and lets the others through", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT"]) {
      expect(gateRefusal(request("/api/health", {}, method))?.status).toBe(405);
    }
    for (const method of ["GET", "HEAD", "POST", "OPTIONS", "DELETE"]) {
      expect(gateRefusal(request("/api/health", {}, method))).toBeNull();
    }
  });

  it("refuses a body without its length, whatever the method", () => {
    for (const url of ["/api/webhooks/callbell/secret", "/api/broadcasts", "/compose"]) {
      expect(gateRefusal(request(url, { "transfer-encoding": "chunked" }))).toEqual({
        status: 411,
        code: "length_required",
        message: "Send the body with a Content-Length",
      });
    }
  });

  it("refuses a body over its address's limit by the length it declares, the broadcast list's larger", () => {
    expect(gateRefusal(request("/api/history", length(MAX_REQUEST_BODY_BYTES + 1)))?.status).toBe(413);
    expect(gateRefusal(request("/compose", length(20_000_000)))?.code).toBe("too_large");
    expect(gateRefusal(request("/api/broadcasts", length(MAX_REQUEST_BODY_BYTES + 1)))).toBeNull();
    expect(gateRefusal(request("/api/broadcasts?from=wizard", length(MAX_BROADCAST_BODY_BYTES)))).toBeNull();
    expect(gateRefusal(request("/api/broadcasts", length(MAX_BROADCAST_BODY_BYTES + 1)))?.status).toBe(413);
    expect(gateRefusal(request("/api/broadcasts/7", length(MAX_REQUEST_BODY_BYTES + 1)))?.status).toBe(413);
  });
});
