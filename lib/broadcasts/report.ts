import { RECIPIENT_STATES, type RecipientState } from "@/lib/db/constants";
import type { RecipientReportRow } from "@/lib/db/broadcast-queries";
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

export function reportCsvLine(row: RecipientReportRow): string {
  const values = (JSON.parse(row.values) as string[]).join(" | ");
  return csvLine([
    String(row.rowNumber),
    row.phone,
    values,
    row.callbellUuid,
    reportStatus(row),
    reportReason(row),
  ]);
}
