import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeAddress, originForm, parseTrustedProxies, resolveForwarded } from "./forwarded.mjs";

const direct = { socketAddress: "::ffff:203.0.113.9", encrypted: false };

describe("resolveForwarded", () => {
  it("with no trusted proxy, ignores every forwarded header: the socket's address, the Host header, plain http", () => {
    const settled = resolveForwarded(
      {
        ...direct,
        headers: {
          host: "bellhop.example:3000",
          "x-forwarded-for": "198.51.100.7",
          "x-real-ip": "198.51.100.8",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
        },
      },
      0,
    );
    expect(settled).toEqual({ address: "203.0.113.9", host: "bellhop.example:3000", proto: "http" });
  });

  it("behind one proxy, takes the address that proxy appended (the last), not the client's own claim", () => {
    const settled = resolveForwarded(
      {
        socketAddress: "10.0.0.2",
        encrypted: false,
        headers: {
          host: "10.0.0.5:3000",
          "x-forwarded-for": "6.6.6.6, 198.51.100.7",
          "x-forwarded-host": "bellhop.example",
          "x-forwarded-proto": "https",
        },
      },
      1,
    );
    expect(settled).toEqual({ address: "198.51.100.7", host: "bellhop.example", proto: "https" });
  });

  it("behind two proxies, takes the second from the right; with fewer entries, the furthest one", () => {
    const headers = { host: "app:3000", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.3" };
    expect(resolveForwarded({ ...direct, headers }, 2).address).toBe("198.51.100.7");
    expect(
      resolveForwarded({ ...direct, headers: { ...headers, "x-forwarded-for": "198.51.100.7" } }, 2).address,
    ).toBe("198.51.100.7");
  });

  it("falls back to the socket, the Host header and the connection when a trusted header is missing or malformed", () => {
    const settled = resolveForwarded(
      {
        ...direct,
        headers: {
          host: "bellhop.example",
          "x-forwarded-for": "not an address",
          "x-forwarded-proto": "gopher",
        },
      },
      1,
    );
    expect(settled).toEqual({ address: "203.0.113.9", host: "bellhop.example", proto: "http" });
  });

  it("refuses a host that is not one (a path, a user, spaces)", () => {
    for (const host of ["evil.example/path", "user@evil.example", "a b", "", "-bad.example"]) {
      expect(resolveForwarded({ ...direct, headers: { host } }, 0).host, host).toBe("");
    }
  });

  it("never throws and never lets a client choose the result when no proxy is trusted (fuzzed headers)", () => {
    const headerText = fc.oneof(
      fc.string(),
      fc.constantFrom("1.2.3.4", "[::1]:80", "::ffff:1.2.3.4", "https", ","),
    );
    fc.assert(
      fc.property(
        fc.record({
          "x-forwarded-for": fc.option(headerText, { nil: undefined }),
          "x-forwarded-host": fc.option(headerText, { nil: undefined }),
          "x-forwarded-proto": fc.option(headerText, { nil: undefined }),
          "x-real-ip": fc.option(headerText, { nil: undefined }),
          forwarded: fc.option(headerText, { nil: undefined }),
        }),
        fc.option(fc.string(), { nil: undefined }),
        fc.integer({ min: 0, max: 10 }),
        (forwarded, socketAddress, hops) => {
          const headers = { host: "bellhop.example", ...forwarded };
          const settled = resolveForwarded({ headers, socketAddress, encrypted: false }, hops);
          expect(["http", "https"]).toContain(settled.proto);
          expect(settled.address).toMatch(/^([0-9a-f.:]{2,45}|unknown)$/);
          if (hops === 0) {
            expect(settled).toEqual(
              resolveForwarded({ headers: { host: "bellhop.example" }, socketAddress, encrypted: false }, 0),
            );
          } else {
            // Whatever a client wrote, the address is the socket's or one named in X-Forwarded-For.
            const named = String(forwarded["x-forwarded-for"] ?? "")
              .split(",")
              .map((part) => normalizeAddress(part));
            expect([normalizeAddress(socketAddress) ?? "unknown", ...named]).toContain(settled.address);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("normalizeAddress", () => {
  it("drops IPv6's IPv4-mapped prefix, brackets and ports", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("198.51.100.7:5123")).toBe("198.51.100.7");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("reads 0 to 10 hops and names the variable for anything else", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies(" 2 ")).toBe(2);
    for (const bad of ["-1", "1.5", "eleven", "11", "true"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/^BELLHOP_TRUSTED_PROXIES: /);
    }
  });
});

describe("originForm", () => {
  it("turns an absolute request target into a path, so that no answer points at the host it names", () => {
    expect(originForm("http://evil.example/compose?x=1")).toBe("/compose?x=1");
    expect(originForm("HTTPS://evil.example")).toBe("/");
    expect(originForm("/history?status=failed")).toBe("/history?status=failed");
    expect(originForm("*")).toBe("*");
  });
});
