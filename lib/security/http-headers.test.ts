import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./http-headers";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("isSameOriginRequest", () => {
  it("without BELLHOP_URL, takes an Origin whose host is the request's, and nothing else", () => {
    expect(isSameOriginRequest(request({ host: "bellhop.example", origin: "https://bellhop.example" }))).toBe(
      true,
    );
    expect(isSameOriginRequest(request({ host: "bellhop.example", origin: "https://evil.example" }))).toBe(
      false,
    );
    expect(isSameOriginRequest(request({ host: "bellhop.example", origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(request({ host: "bellhop.example" }))).toBe(false);
    expect(isSameOriginRequest(request({ host: "bellhop.example", "sec-fetch-site": "same-origin" }))).toBe(
      true,
    );
  });

  it("with BELLHOP_URL, refuses a request for any other host (DNS rebinding) and an Origin of another scheme", () => {
    const url = "https://bellhop.example";
    // A rebinding name: the browser thinks the page and the request share an origin.
    const rebound = { host: "rebind.evil.test:3390", origin: "http://rebind.evil.test:3390" };
    expect(isSameOriginRequest(request(rebound))).toBe(true);
    expect(isSameOriginRequest(request(rebound), url)).toBe(false);
    expect(
      isSameOriginRequest(request({ ...rebound, "sec-fetch-site": "same-origin", origin: "" }), url),
    ).toBe(false);
    expect(
      isSameOriginRequest(request({ host: "bellhop.example", origin: "https://bellhop.example" }), url),
    ).toBe(true);
    expect(
      isSameOriginRequest(request({ host: "bellhop.example", origin: "http://bellhop.example" }), url),
    ).toBe(false);
  });
});
