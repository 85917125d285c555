import { describe, expect, it } from "vitest";
import { credentialsSchema, firstErrorPerField, newPasswordSchema } from "./credentials";

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
});
