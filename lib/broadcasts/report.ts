import type { RecipientReportRow } from "@/lib/db/broadcast-report-queries";
import { csvLine } from "@/lib/history/csv";
import { deliveryClass, rowOutcome } from "./row-counts";

export const REPORT_CSV_COLUMNS = ["row", "phone", "values", "uuid", "status", "reason"] as const;

/** The history's words for a message that never reached Callbell's queue: refused by it, or never sent to it. */
const REFUSALS: readonly (string | null)[] = ["rejected", "not_sent"];

/**
 * The status a support lead reads, in the history's words for the same message: Callbell's delivery status once it
 * reported one (read, delivered, failed…), `rejected` or `not_sent` for a send Callbell refused or never got, else
 * the row's outcome (row-counts.ts), which is what the filter and every count go by. Each of these is a `failed`
 * outcome or a `sent` one, never another.
 */
export function reportStatus(row: Pick<RecipientReportRow, "state" | "deliveryStatus">): string {
  const outcome = rowOutcome(row.state, row.deliveryStatus);
  const delivery = deliveryClass(row.deliveryStatus);
  const told =
    (outcome === "sent" && delivery === "accepted") ||
    (outcome === "failed" && (delivery === "failure" || REFUSALS.includes(row.deliveryStatus)));
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
