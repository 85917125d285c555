/**
 * A broadcast list's check, row by row. Apart from recipient-list.ts: the browser checks lists in its worker only, so
 * the page itself never loads this.
 */
import { countOf } from "@/lib/format/plural";
import { normalizeRecipient, recipientKind, recipientProblem } from "@/lib/messages/recipient";
import { httpsUrlProblem, mediaUrlProblem, templateValueProblem } from "@/lib/messages/value-rules";
import { MAX_RECIPIENTS } from "./limits";
import type {
  ColumnMapping,
  ListReport,
  ListRules,
  ParsedList,
  Recipient,
  RowProblem,
} from "./recipient-list";

/** Checks every row; only rows without a problem become recipients, and each phone number is sent to once. */
export function validateList(list: ParsedList, mapping: ColumnMapping, rules: ListRules): ListReport {
  const recipients: Recipient[] = [];
  const invalid: RowProblem[] = [];
  const byPhone = new Map<string, Recipient>();
  let duplicates = 0;
  let conflicts = 0;
  const fixedMedia = rules.fixedMediaUrl.trim();
  const mediaProblem = (url: string) =>
    rules.mediaKind ? mediaUrlProblem(url, rules.mediaKind) : httpsUrlProblem(url);
  const fixedMediaProblem = rules.needsMedia && mapping.mediaUrl === null ? mediaProblem(fixedMedia) : null;

  const longRows = { count: 0, first: [] as number[] };
  list.rows.forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.slice(list.header.length).some((extra) => extra.trim() !== "")) {
      longRows.count += 1;
      if (longRows.first.length < 5) longRows.first.push(rowNumber);
    }
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? "").trim() : "");
    const problems: string[] = [];
    // The recipient column holds phone numbers, BSUIDs, or both: each cell is read by its format.
    const rawPhone = cell(mapping.phone);
    const phone = normalizeRecipient("whatsapp", rawPhone);
    const recipientIssue = recipientProblem("whatsapp", rawPhone);
    if (rawPhone === "") problems.push("no phone number or BSUID");
    else if (recipientIssue && recipientKind("whatsapp", rawPhone) === "bsuid")
      problems.push(`"${rawPhone}": ${recipientIssue}`);
    else if (recipientIssue)
      problems.push(`"${rawPhone}" is not a phone number with its country code (+31 6…)`);

    const values = mapping.values.map(cell);
    if (mapping.values.length !== rules.variableCount || mapping.values.some((column) => column < 0)) {
      problems.push(`the template takes ${countOf(rules.variableCount, "value")}; map a column to each`);
    }
    if (cells.length < list.header.length && values.some((value) => value === "")) {
      problems.push(`${countOf(cells.length, "cell")} where the header has ${list.header.length}`);
    }
    values.forEach((value, n) => {
      const problem = templateValueProblem(value);
      if (problem) problems.push(`value ${n + 1}: ${problem === "Enter a value" ? "missing" : problem}`);
    });

    let mediaUrl: string | null = null;
    if (rules.needsMedia) {
      if (mapping.mediaUrl !== null) {
        mediaUrl = cell(mapping.mediaUrl);
        const problem = mediaProblem(mediaUrl);
        if (problem) problems.push(`media URL: ${problem}`);
      } else if (fixedMediaProblem) {
        problems.push(`media URL: ${fixedMediaProblem}`);
      }
    }

    if (problems.length > 0) {
      invalid.push({ rowNumber, phone: rawPhone, problems });
      return;
    }
    const existing = byPhone.get(phone);
    if (existing) {
      // Never twice to one number: the first row wins; different values are worth telling apart from a plain repeat,
      // which is merged, while a conflict is a row left out (counted there, not twice).
      if (existing.values.join("\u0000") === values.join("\u0000") && existing.mediaUrl === mediaUrl) {
        duplicates += 1;
        existing.copies += 1;
      } else {
        conflicts += 1;
        invalid.push({
          rowNumber,
          phone: rawPhone,
          problems: [
            `same number as row ${existing.rowNumber} with other values: only row ${existing.rowNumber} is sent`,
          ],
        });
      }
      return;
    }
    const recipient: Recipient = { rowNumber, phone, values, mediaUrl, copies: 1 };
    byPhone.set(phone, recipient);
    recipients.push(recipient);
  });

  if (recipients.length > MAX_RECIPIENTS) {
    for (const extra of recipients.splice(MAX_RECIPIENTS)) {
      invalid.push({
        rowNumber: extra.rowNumber,
        phone: extra.phone,
        problems: [`over ${MAX_RECIPIENTS} recipients`],
      });
    }
  }
  return { recipients, invalid, duplicates, conflicts, longRows, totalRows: list.rows.length };
}
