import { describe, expect, it } from "vitest";
import { credentialsSchema, firstErrorPerField, newPasswordSchema, safeNextPath } from "./credentials";

describe("credentials", () => {
  it("gives one message per field, the first", () => {
    const parsed = credentialsSchema
      .extend({ password: newPasswordSchema })
      .safeParse({ email: "nope", password: "" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(firstErrorPerField<"email" | "password">(parsed.error)).toEqual({
        email: "Enter your email address",
        password: "At least 12 characters",
      });
    }
  });

  it("goes back only to a path on this site after signing in", () => {
    expect(safeNextPath("/history?status=failed")).toBe("/history?status=failed");
    for (const elsewhere of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "",
      undefined,
      ["/x"],
    ]) {
      expect(safeNextPath(elsewhere)).toBe("/compose");
    }
  });
});
