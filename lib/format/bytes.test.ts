import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it("says a file's size in the largest unit that keeps it at 1 or more, its noun agreeing", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(812)).toBe("812 bytes");
    expect(formatBytes(14_230)).toBe("14.2 kB");
    expect(formatBytes(3_140_000)).toBe("3.1 MB");
    expect(formatBytes(2_000_000_000_000)).toBe("2,000 GB");
  });
});
