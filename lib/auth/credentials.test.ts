import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INVALID_EMAIL,
  credentialsSchema,
  emailField,
  firstErrorPerField,
  newPasswordSchema,
  safeNextPath,
} from "./credentials";

describe("credentials", () => {
  it("gives one message per field, the first", () => {
    const parsed = credentialsSchema
      .extend({ password: newPasswordSchema })
      .safeParse({ email: "nope", password: "" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(firstErrorPerField<"email" | "password">(parsed.error)).toEqual({
        email: "Enter a valid email address, like name@example.com",
        password: "At least 12 characters",
      });
    }
  });

  it("asks for an email when none is typed, for a valid one when something else is", () => {
    const emailError = (email: unknown) => {
      const parsed = credentialsSchema.safeParse({ email, password: "x" });
      return parsed.success ? null : firstErrorPerField<"email">(parsed.error).email;
    };
    expect(emailError("")).toBe("Enter your email address");
    expect(emailError("  ")).toBe("Enter your email address");
    expect(emailError(null)).toBe("Enter your email address");
    expect(emailError("bob@")).toBe(INVALID_EMAIL);
    expect(emailError("bob@example.com")).toBeNull();
    const newUser = emailField("Enter the new user's email address");
    expect(newUser.safeParse("").error?.issues[0]?.message).toBe("Enter the new user's email address");
    expect(newUser.safeParse("bob").error?.issues[0]?.message).toBe(INVALID_EMAIL);
  });

  it("goes back only to a path on this site after signing in", () => {
    expect(safeNextPath("/history?status=failed")).toBe("/history?status=failed");
    expect(safeNextPath("/ /evil.example")).toBe("/%20/evil.example");
    for (const elsewhere of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "https://evil.example",
      "",
      undefined,
      ["/x"],
    ]) {
      expect(safeNextPath(elsewhere)).toBe("/compose");
    }
  });

  it("never yields another origin, a line break or an exception, whatever next is", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((tail) => `/${tail}`),
          fc.stringMatching(/^[/\\\t\r\n @:.a-z%0-9]{0,20}$/),
        ),
        (next) => {
          const path = safeNextPath(next);
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
          expect(path).not.toMatch(/[\u0000-\u001f]/);
          expect(new URL(path, "https://bellhop.example").origin).toBe("https://bellhop.example");
        },
      ),
      { numRuns: 2000 },
    );
  });
});
