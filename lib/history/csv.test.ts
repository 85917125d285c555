import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvCell, csvLine, csvRecord } from "./csv";

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

  it("neutralises a formula after a delimiter too, for spreadsheets that split on semicolons or tabs", () => {
    expect(csvCell("x;=HYPERLINK(1)")).toBe(`"x;'=HYPERLINK(1)"`);
    expect(csvCell("a\t@SUM(A1)")).toBe(`"a\t'@SUM(A1)"`);
    expect(csvCell("Jo, -1+2")).toBe(`"Jo,' -1+2"`);
    expect(csvCell('x|=HYPERLINK("http://evil.test","a")')).toBe(
      `"x|'=HYPERLINK(""http://evil.test"",""a"")"`,
    );
    expect(csvCell("x\r=1+1")).toBe(`"x\r'=1+1"`);
    expect(csvCell("Kim | -5")).toBe(`"Kim | -5"`);
    expect(csvCell("+31 6 12;+31 6 13")).toBe(`"+31 6 12;+31 6 13"`);
  });

  it("never yields a live formula in any cell a spreadsheet could split it into", () => {
    const trigger = fc.constantFrom("=", "+", "-", "@", "\t", "\r");
    const piece = fc.oneof(
      fc.string(),
      fc.tuple(trigger, fc.string()).map(([t, rest]) => t + rest),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 5 }),
        fc.constantFrom(",", ";", "\t", "|", "\r", "\n", " | "),
        (pieces, joiner) => {
          const cell = csvCell(pieces.join(joiner));
          // As a spreadsheet reads it: unquoted, then split on each delimiter; every part is text or a plain number.
          const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
          for (const part of unquoted.split(/[,;\t|\r\n]/)) {
            const trimmed = part.trimStart();
            expect(/^[=+\-@]/.test(trimmed) && !/^[+-]?\d[\d\s]*$/.test(trimmed)).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the CSV export's rows", () => {
  it("end with the message, guarded like every other cell, and when the customer replied", () => {
    const row = {
      id: 1,
      createdAt: new Date("2026-11-01T10:00:00Z"),
      senderEmail: "ana@x",
      recipient: "+31612345678",
      platform: "whatsapp",
      messageType: "text",
      templateUuid: null,
      templateTitle: null,
      templateValueCount: null,
      templateValues: null,
      contentText: "=1+1, said Jo",
      contentUrl: null,
      callbellUuid: "a".repeat(32),
      status: "read" as const,
      statusReason: null,
      errorMessage: null,
      repliedAt: new Date("2026-11-01T10:05:00Z"),
    };
    expect(CSV_COLUMNS.slice(-2)).toEqual(["message", "replied_at"]);
    expect(csvRecord(row)).toBe(
      `2026-11-01T10:00:00.000Z,ana@x,+31612345678,whatsapp,text,,,${"a".repeat(32)},read,,phone,"'=1+1, said Jo",2026-11-01T10:05:00.000Z\r\n`,
    );
    expect(csvRecord({ ...row, repliedAt: null }).endsWith(`"'=1+1, said Jo",\r\n`)).toBe(true);
  });
});
