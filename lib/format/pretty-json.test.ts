import { describe, expect, it } from "vitest";
import { jsonDepth, MAX_PRETTY_CHARS, prettyJson } from "./pretty-json";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("prettyJson", () => {
  it("indents an ordinary event", () => {
    expect(prettyJson('{"event":"message_created","payload":{"text":"Yes"}}')).toBe(
      '{\n  "event": "message_created",\n  "payload": {\n    "text": "Yes"\n  }\n}',
    );
  });

  it("shows a deeply nested one as stored: indenting it would cost the square of its depth", () => {
    const bomb = `{"payload":{"contact":${nested(3_000)}}}`;
    expect(prettyJson(bomb)).toBe(bomb);
  });

  it("cuts a long one, saying how much is left out", () => {
    const long = JSON.stringify({ text: "x".repeat(MAX_PRETTY_CHARS * 2) });
    const shown = prettyJson(long)!;
    expect(shown.length).toBeLessThan(MAX_PRETTY_CHARS + 60);
    expect(shown).toMatch(/… \([\d,]+ more characters\)$/);
  });

  it("keeps what is not JSON, and nothing for nothing", () => {
    expect(prettyJson("not json")).toBe("not json");
    expect(prettyJson(null)).toBeNull();
  });
});

describe("jsonDepth", () => {
  it("counts levels without recursion, even 100,000 deep", () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    expect(jsonDepth(JSON.parse(nested(100_000)))).toBe(100_000);
  });
});
