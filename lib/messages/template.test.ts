import { describe, expect, it } from "vitest";
import {
  countTemplateVariables,
  describeTemplate,
  placeholderHint,
  searchTemplates,
  templateSegments,
} from "./template";

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

describe("template search", () => {
  const make = (title: string, text: string, status = "approved") => ({
    uuid: title,
    title,
    text,
    templateType: "text",
    category: "UTILITY",
    status,
  });
  const templates = [
    make("Spring sale", "Sale on {{1}}", "pending"),
    make("Order ready", "Hello {{1}}, your order is ready."),
    make("Invoice", "Your invoice for the ORDER {{1}}"),
  ];

  it("matches every typed word in the title or the text, in any case, approved first", () => {
    expect(searchTemplates(templates, "order").map((t) => t.title)).toEqual(["Order ready", "Invoice"]);
    expect(searchTemplates(templates, "  READY hello ").map((t) => t.title)).toEqual(["Order ready"]);
    expect(searchTemplates(templates, "sale").map((t) => t.title)).toEqual(["Spring sale"]);
    expect(searchTemplates(templates, "").map((t) => t.title)).toEqual([
      "Order ready",
      "Invoice",
      "Spring sale",
    ]);
    expect(searchTemplates(templates, "nothing like this")).toEqual([]);
  });

  it("describes a template by category, header and values", () => {
    expect(describeTemplate({ ...make("x", "{{1}} {{2}}"), templateType: "IMAGE" })).toBe(
      "Utility · image header · 2 variables",
    );
    expect(describeTemplate({ ...make("x", "Hi"), category: "" })).toBe(
      "No category · text only · 0 variables",
    );
  });
});
