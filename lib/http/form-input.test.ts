import { describe, expect, it } from "vitest";
import { formInput } from "./form-input";

describe("formInput", () => {
  it("keeps a form, and reads anything else as an empty one", () => {
    const form = new FormData();
    form.set("email", "ana@example.com");
    expect(formInput(form)).toBe(form);
    for (const other of [undefined, null, "email=x", { email: "x" }, ["email"], 42]) {
      const read = formInput(other);
      expect(read).toBeInstanceOf(FormData);
      expect(read.get("email")).toBeNull();
    }
  });
});
