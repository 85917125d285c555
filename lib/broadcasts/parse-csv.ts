import Papa from "papaparse";
import type { ParsedList } from "./recipient-list";

/**
 * A recipient list as text (a CSV file, or rows pasted from a spreadsheet: commas, semicolons or tabs) into a header
 * row and cells. The browser's worker and the server parse with this same function, so they see the same rows.
 */
export function parseRecipientCsv(text: string): { list: ParsedList; errors: string[] } {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t", "|"],
  });
  const [header = [], ...rows] = result.data;
  const errors = result.errors
    .filter((error) => error.code !== "UndetectableDelimiter")
    .slice(0, 5)
    .map((error) => `row ${(error.row ?? 0) + 2}: ${error.message}`);
  return { list: { header: header.map((name) => name.trim()), rows }, errors };
}
