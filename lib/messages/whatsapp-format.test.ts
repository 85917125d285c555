import { describe, expect, it } from "vitest";
import { parseWhatsAppFormatting, plainText, type FormatNode } from "./whatsapp-format";

const text = (value: string): FormatNode => ({ kind: "text", text: value });

describe("WhatsApp formatting", () => {
  it("renders bold, italic, strike and monospace", () => {
    expect(parseWhatsAppFormatting("*Hi* _there_ ~old~ ```code```")).toEqual([
      { kind: "bold", children: [text("Hi")] },
      text(" "),
      { kind: "italic", children: [text("there")] },
      text(" "),
      { kind: "strike", children: [text("old")] },
      text(" "),
      { kind: "mono", children: [text("code")] },
    ]);
  });

  it("nests styles", () => {
    expect(parseWhatsAppFormatting("*bold _and italic_*")).toEqual([
      { kind: "bold", children: [text("bold "), { kind: "italic", children: [text("and italic")] }] },
    ]);
  });

  it("leaves an unmatched marker as typed", () => {
    expect(parseWhatsAppFormatting("5 * 3 = 15 and *open")).toEqual([text("5 * 3 = 15 and *open")]);
    expect(parseWhatsAppFormatting("*")).toEqual([text("*")]);
    expect(parseWhatsAppFormatting("**")).toEqual([text("**")]);
  });

  it("ignores markers inside words", () => {
    expect(parseWhatsAppFormatting("2*3*4 and snake_case_name")).toEqual([text("2*3*4 and snake_case_name")]);
  });

  it("needs text right inside the markers", () => {
    expect(parseWhatsAppFormatting("* not bold *")).toEqual([text("* not bold *")]);
    expect(parseWhatsAppFormatting("*bold* and *")).toEqual([
      { kind: "bold", children: [text("bold")] },
      text(" and *"),
    ]);
  });

  it("does not carry a style across a line break", () => {
    expect(parseWhatsAppFormatting("*one\ntwo*")).toEqual([text("*one\ntwo*")]);
  });

  it("never formats inside monospace, which may span lines", () => {
    expect(parseWhatsAppFormatting("```*a*\n_b_```")).toEqual([
      { kind: "mono", children: [text("*a*\n_b_")] },
    ]);
    expect(parseWhatsAppFormatting("``````")).toEqual([text("``````")]);
  });

  it("keeps markup as text, never as HTML", () => {
    const nodes = parseWhatsAppFormatting("<b>*x*</b>");
    expect(nodes).toEqual([text("<b>"), { kind: "bold", children: [text("x")] }, text("</b>")]);
  });

  it("gives the plain text without markers", () => {
    expect(plainText(parseWhatsAppFormatting("*Hi* _you_, 2*3"))).toBe("Hi you, 2*3");
  });
});
