import type { ExportRow } from "@/lib/db/history-queries";
import { recipientKind } from "@/lib/messages/recipient";
import { readTemplateValues } from "@/lib/messages/template-values";
import { messageSnippet } from "./message-snippet";

/** The export's columns, in order: what a support lead asks of a send. */
export const CSV_COLUMNS = [
  "time",
  "sender",
  "recipient",
  "platform",
  "type",
  "template",
  "variables",
  "uuid",
  "status",
  "reason",
  // Last, so that files read by column position before they existed still read the same.
  "recipient_type",
  "message",
  // When the customer first answered (empty: no reply known; replies come by the webhook only).
  "replied_at",
] as const;

// A trigger at the start, or after spaces (a spreadsheet set to trim them would start the cell there).
const FORMULA_TRIGGER = /^[ \u00a0]*[=+\-@]|^[\t\r]/;
const PLAIN_NUMBER = /^[ \u00a0]*[+-]?\d[\d\s]*$/;
/**
 * What separates cells in some spreadsheet: a comma, a semicolon (most European locales), a tab, a pipe (a choice
 * in every import dialog, and what Bellhop's own list reader guesses), or a line break.
 */
const DELIMITER = /([,;\t|\r\n])/;

/** A piece of a cell that a spreadsheet would run as a formula gets a leading apostrophe; phone numbers stay. */
const neutralised = (piece: string) =>
  FORMULA_TRIGGER.test(piece) && !PLAIN_NUMBER.test(piece) ? `'${piece}` : piece;

/**
 * One CSV cell (RFC 4180), safe in any spreadsheet: recipients and variables are typed by people and must never
 * execute when the file is opened. A formula trigger (=, +, -, @, tab, carriage return) is neutralised at the start of
 * the cell and after every delimiter inside it, since a spreadsheet that splits on semicolons would start a new cell
 * there (`x;=HYPERLINK(…)`); and a cell holding a delimiter, quote or line break is quoted.
 */
export function csvCell(value: string | null | undefined): string {
  const text = (value ?? "")
    .split(DELIMITER)
    .map((piece, index) => (index % 2 === 0 ? neutralised(piece) : piece))
    .join("");
  return quotedCell(text);
}

/** A cell quoted when it holds a delimiter a list reader might split on, a quote or a line break (RFC 4180). */
const quotedCell = (text: string) => (/[",;\t|\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function csvLine(values: (string | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * A line of a list Bellhop reads back itself (never opened in a spreadsheet): the values exactly as they are, only
 * quoted, so a `-5 EUR` or `=HYPERLINK(…)` a customer is sent again keeps no apostrophe.
 */
export function plainCsvLine(values: (string | null | undefined)[]): string {
  return `${values.map((value) => quotedCell(value ?? "")).join(",")}\r\n`;
}

/** The values as the export query reads them from the stored send (see `iterateSends`). */
function exportedValues(
  row: Pick<ExportRow, "templateUuid" | "templateValueCount" | "templateValues" | "contentText">,
): string[] {
  let templateValues: unknown = null;
  try {
    templateValues = row.templateValues ? JSON.parse(row.templateValues) : null;
  } catch {
    // Not JSON: read as no `template_values`.
  }
  return readTemplateValues({
    templateUuid: row.templateUuid,
    valueCount: row.templateValueCount,
    templateValues,
    contentText: row.contentText,
  });
}

/** The values joined with " | ", as the `variables` column has them. */
export function exportedVariables(
  row: Pick<ExportRow, "templateUuid" | "templateValueCount" | "templateValues" | "contentText">,
): string {
  return exportedValues(row).join(" | ");
}

export function csvRecord(row: ExportRow): string {
  const values = exportedValues(row);
  return csvLine([
    row.createdAt.toISOString(),
    row.senderEmail,
    row.recipient,
    row.platform,
    row.messageType,
    row.templateTitle ?? row.templateUuid,
    values.join(" | "),
    row.callbellUuid,
    row.status,
    row.statusReason ?? row.errorMessage,
    recipientKind(row.platform, row.recipient),
    messageSnippet({ ...row, templateValues: values }),
    row.repliedAt?.toISOString() ?? "",
  ]);
}
