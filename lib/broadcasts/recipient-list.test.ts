import { describe, expect, it } from "vitest";
import { guessMapping, numberInWords, type ParsedList } from "./recipient-list";
import { validateList } from "./validate-list";

const rules = { variableCount: 2, needsMedia: false, fixedMediaUrl: "" };

describe("the recipient list", () => {
  it("guesses the mapping from the header row", () => {
    expect(guessMapping(["Name", "Phone", "{{2}}", "var1"], rules)).toEqual({
      phone: 1,
      values: [3, 2],
      mediaUrl: null,
    });
    expect(guessMapping(["number", "first", "second"], rules)).toEqual({
      phone: 0,
      values: [1, 2],
      mediaUrl: null,
    });
    expect(guessMapping(["to", "media_url", "value 1"], { variableCount: 1, needsMedia: true })).toEqual({
      phone: 0,
      values: [2],
      mediaUrl: 1,
    });
  });

  it("reports each row's problems and keeps only valid rows", () => {
    const list: ParsedList = {
      header: ["phone", "1", "2"],
      rows: [
        ["+31 6 1234 5678", "Jo", "5 pm"],
        ["0612345678", "Ann", "6 pm"],
        ["", "Bo", "7 pm"],
        ["+31687654321", "", "8 pm"],
        ["+31611112222", "Line\nbreak", "9 pm"],
        ["+31633334444", "Cy"],
      ],
    };
    const report = validateList(list, { phone: 0, values: [1, 2], mediaUrl: null }, rules);
    expect(report.recipients.map((r) => [r.rowNumber, r.phone, r.values])).toEqual([
      [2, "+31612345678", ["Jo", "5 pm"]],
    ]);
    expect(report.invalid.map((row) => [row.rowNumber, row.problems])).toEqual([
      [3, ['"0612345678" is not a phone number with its country code (+31 6…)']],
      [4, ["no phone number or BSUID"]],
      [5, ["value 1: missing"]],
      [6, ["value 1: WhatsApp refuses new lines and tabs in a template value"]],
      [7, ["2 cells where the header has 3", "value 2: missing"]],
    ]);
  });

  it("counts what is missing in words that agree with the count (never value(s))", () => {
    const list: ParsedList = { header: ["phone", "1"], rows: [["+31612345678"]] };
    const report = validateList(
      list,
      { phone: 0, values: [-1], mediaUrl: null },
      { ...rules, variableCount: 1 },
    );
    expect(report.invalid[0]?.problems).toEqual([
      "the template takes 1 value; map a column to each",
      "1 cell where the header has 2",
      "value 1: missing",
    ]);
  });

  it("merges duplicates with their count and reports the same number with other values", () => {
    const list: ParsedList = {
      header: ["phone", "a", "b"],
      rows: [
        ["+31612345678", "Jo", "x"],
        ["0031 6 1234 5678", "Jo", "x"],
        ["+31612345678", "Jo", "x"],
        ["+31612345678", "Other", "x"],
      ],
    };
    const report = validateList(list, { phone: 0, values: [1, 2], mediaUrl: null }, rules);
    expect(report.recipients).toHaveLength(1);
    expect(report.recipients[0]!.copies).toBe(3);
    expect(report.duplicates).toBe(2);
    expect(report.conflicts).toBe(1);
    // Every row is counted once: ready, left out, or merged.
    expect(report.recipients.length + report.invalid.length + report.duplicates).toBe(list.rows.length);
    expect(report.invalid[0]).toMatchObject({ rowNumber: 5, problems: [expect.stringContaining("row 2")] });
  });

  it("says which rows have cells past the header's columns (no column maps them: they are not sent)", () => {
    const list: ParsedList = {
      header: ["phone", "a", "b"],
      rows: [
        ["+31612345678", "Jo", "x", "extra"],
        ["+31612345679", "Jo", "x", " "],
        ["+31612345670", "Jo", "x"],
        ...Array.from({ length: 6 }, (_, n) => [`+3161234560${n}`, "Jo", "x", "", "more"]),
      ],
    };
    const report = validateList(list, { phone: 0, values: [1, 2], mediaUrl: null }, rules);
    expect(report.recipients).toHaveLength(9);
    expect(report.longRows).toEqual({ count: 7, first: [2, 5, 6, 7, 8] });
  });

  it("asks for a media URL per row, or one fixed https URL, for a media-header template", () => {
    const list: ParsedList = {
      header: ["phone", "url"],
      rows: [
        ["+31612345678", "http://x.test/a.pdf"],
        ["+31687654321", "https://x.test/b.pdf"],
      ],
    };
    const media = { variableCount: 0, needsMedia: true, fixedMediaUrl: "" };
    const perRow = validateList(list, { phone: 0, values: [], mediaUrl: 1 }, media);
    expect(perRow.recipients.map((r) => r.mediaUrl)).toEqual(["https://x.test/b.pdf"]);
    expect(perRow.invalid[0]!.problems[0]).toMatch(/^media URL: .*https/);
    const fixed = validateList(
      list,
      { phone: 0, values: [], mediaUrl: null },
      { ...media, fixedMediaUrl: "https://x.test/all.pdf" },
    );
    expect(fixed.recipients).toHaveLength(2);
    expect(validateList(list, { phone: 0, values: [], mediaUrl: null }, media).recipients).toHaveLength(0);
  });

  it("says counts in words", () => {
    expect(numberInWords(1)).toBe("one");
    expect(numberInWords(42)).toBe("forty-two");
    expect(numberInWords(100)).toBe("one hundred");
    expect(numberInWords(1234)).toBe("one thousand two hundred thirty-four");
    expect(numberInWords(10000)).toBe("ten thousand");
  });
});
