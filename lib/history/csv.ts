import type { ExportRow } from "@/lib/db/queries";
import { recipientKind } from "@/lib/messages/recipient";

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
  // Last, so that files read by column position before it existed still read the same.
  "recipient_type",
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe: recipients and variables are
 * typed by people and must never execute when the file is opened.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d\s]*$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A template's values as sent: `template_values`, or the one value in `content.text`; joined with " | ". */
export function templateVariables(requestBody: string): string {
  try {
    const body = JSON.parse(requestBody) as {
      template_uuid?: unknown;
      template_values?: unknown;
      content?: { text?: unknown };
    };
    if (!body.template_uuid) return "";
    if (Array.isArray(body.template_values)) return body.template_values.map(String).join(" | ");
    return typeof body.content?.text === "string" ? body.content.text : "";
  } catch {
    return "";
  }
}

/** The values as the export query reads them from the stored request (see `iterateSends`). */
export function exportedVariables(row: Pick<ExportRow, "templateValues" | "templateText">): string {
  if (row.templateValues) {
    try {
      const values: unknown = JSON.parse(row.templateValues);
      if (Array.isArray(values)) return values.map(String).join(" | ");
    } catch {
      // Not JSON: fall back to the text.
    }
  }
  return row.templateText ?? "";
}

export function csvRecord(row: ExportRow): string {
  return csvLine([
    row.createdAt.toISOString(),
    row.senderEmail,
    row.recipient,
    row.platform,
    row.messageType,
    row.templateTitle ?? row.templateUuid,
    exportedVariables(row),
    row.callbellUuid,
    row.status,
    row.statusReason ?? row.errorMessage,
    recipientKind(row.platform, row.recipient),
  ]);
}
