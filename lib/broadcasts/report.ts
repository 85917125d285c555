import { RECIPIENT_STATES, type RecipientState } from "@/lib/db/constants";
import type { RecipientReportRow } from "@/lib/db/broadcast-report-queries";
import { csvLine } from "@/lib/history/csv";

export const REPORT_CSV_COLUMNS = ["row", "phone", "values", "uuid", "status", "reason"] as const;

export function parseRecipientState(value: string | null): RecipientState | undefined {
  return value && (RECIPIENT_STATES as readonly string[]).includes(value)
    ? (value as RecipientState)
    : undefined;
}

/** The status a support lead reads: the delivery status once Callbell reports one, else the dispatch state. */
export function reportStatus(row: Pick<RecipientReportRow, "state" | "deliveryStatus">): string {
  return row.state === "enqueued" && row.deliveryStatus ? row.deliveryStatus : row.state;
}

export function reportReason(row: Pick<RecipientReportRow, "error" | "deliveryReason">): string {
  return row.deliveryReason ?? row.error ?? "";
}

/** A recipient's template values as the database keeps them (a JSON array of strings). */
export function storedValues(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

export function reportCsvLine(row: RecipientReportRow): string {
  const values = storedValues(row.values).join(" | ");
  return csvLine([
    String(row.rowNumber),
    row.phone,
    values,
    row.callbellUuid,
    reportStatus(row),
    reportReason(row),
  ]);
}
