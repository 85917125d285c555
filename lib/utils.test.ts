import { describe, expect, it } from "vitest";
import { parseId } from "./utils";

describe("parseId", () => {
  it("takes positive whole numbers only", () => {
    expect(parseId("12")).toBe(12);
    for (const value of ["0", "-1", "1.5", "1e3", "abc", "", null, undefined, "9".repeat(16)]) {
      expect(parseId(value)).toBeNull();
    }
  });
});
