import { describe, expect, it } from "vitest";
import { maskToken, openToken, sealToken } from "./token-crypto";

const secret = "a-server-secret-of-at-least-32-characters";
const token = "cb_live_0123456789abcdefWXYZ";

describe("the sealed Callbell token", () => {
  it("opens with the secret it was sealed with", () => {
    expect(openToken(sealToken(token, secret), secret)).toBe(token);
  });

  it("never holds the token in clear, and differs on every seal", () => {
    const first = sealToken(token, secret);
    const second = sealToken(token, secret);
    expect(first).not.toContain(token);
    expect(Buffer.from(first.split(".")[3]!, "base64url").toString("utf8")).not.toContain("0123");
    expect(first).not.toBe(second);
  });

  it("does not open with another secret", () => {
    expect(openToken(sealToken(token, secret), `${secret}-rotated`)).toBeNull();
  });

  it("does not open when any part was altered", () => {
    const parts = sealToken(token, secret).split(".");
    for (const index of [1, 2, 3]) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      altered[index] = bytes.toString("base64url");
      expect(openToken(altered.join("."), secret)).toBeNull();
    }
  });

  it("refuses values that are not sealed tokens", () => {
    for (const value of ["", token, "v2.a.b.c", "v1.a.b", "v1.a.b.c.d"])
      expect(openToken(value, secret)).toBeNull();
  });

  it("is shown by its last 4 characters only", () => {
    expect(maskToken(token)).toBe("••••WXYZ");
  });
});
