import { describe, expect, it } from "vitest";
import { countTemplateVariables, placeholderHint, templateSegments } from "./template";

describe("template placeholders", () => {
  it("counts by the highest number, so {{10}} needs ten values", () => {
    expect(countTemplateVariables("{{1}} … {{10}}")).toBe(10);
    expect(countTemplateVariables("No values here")).toBe(0);
    expect(countTemplateVariables("{{1}} and {{1}} again")).toBe(1);
  });

  it("cuts adjacent placeholders apart", () => {
    expect(templateSegments("{{1}}{{2}}!")).toEqual([
      { kind: "placeholder", number: 1 },
      { kind: "placeholder", number: 2 },
      { kind: "text", text: "!" },
    ]);
  });

  it("takes {{ 2 }} with spaces, and leaves single braces alone", () => {
    expect(templateSegments("a {{ 2 }} {3} {{x}}")).toEqual([
      { kind: "text", text: "a " },
      { kind: "placeholder", number: 2 },
      { kind: "text", text: " {3} {{x}}" },
    ]);
  });

  it("hints with the words around a placeholder", () => {
    const text = "Hello {{1}}, this is your order {{2}} from our shop in Amsterdam today.";
    expect(placeholderHint(text, 1)).toBe("Hello {{1}}, this is your…");
    expect(placeholderHint(text, 2)).toBe("…is your order {{2}} from our shop…");
    expect(placeholderHint(text, 3)).toBeNull();
  });

  it("hints across new lines on one line", () => {
    expect(placeholderHint("Hi\n{{1}}\nbye", 1)).toBe("Hi {{1}} bye");
  });
});
