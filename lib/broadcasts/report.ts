import type { RecipientReportRow } from "@/lib/db/broadcast-report-queries";
import { csvLine } from "@/lib/history/csv";
import { deliveryClass, rowOutcome } from "./row-counts";

export const REPORT_CSV_COLUMNS = ["row", "phone", "values", "uuid", "status", "reason"] as const;

/**
 * The status a support lead reads: Callbell's delivery status once it reported one (read, delivered, failed…), else
 * the row's outcome (row-counts.ts), which is what the filter and every count go by.
 */
export function reportStatus(row: Pick<RecipientReportRow, "state" | "deliveryStatus">): string {
  const outcome = rowOutcome(row.state, row.deliveryStatus);
  const delivery = deliveryClass(row.deliveryStatus);
  const told =
    (outcome === "sent" && delivery === "accepted") || (outcome === "failed" && delivery === "failure");
  return told && row.deliveryStatus ? row.deliveryStatus : outcome;
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
