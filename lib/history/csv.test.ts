import { describe, expect, it } from "vitest";
import { csvCell, csvLine, templateVariables } from "./csv";

describe("the CSV export's cells", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvLine(["a", "b,c", 'say "hi"', "two\nlines", null])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    );
  });

  it("never lets a spreadsheet run a cell as a formula, but keeps phone numbers as they are", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("+31612345678")).toBe("+31612345678");
  });

  it("reads a template's values from the request as sent", () => {
    expect(
      templateVariables(
        JSON.stringify({ template_uuid: "t", content: { text: "Jo" }, template_values: ["Jo", "42"] }),
      ),
    ).toBe("Jo | 42");
    expect(templateVariables(JSON.stringify({ template_uuid: "t", content: { text: "Jo" } }))).toBe("Jo");
    expect(templateVariables(JSON.stringify({ content: { text: "Hello" } }))).toBe("");
    expect(templateVariables("not json")).toBe("");
  });
});
