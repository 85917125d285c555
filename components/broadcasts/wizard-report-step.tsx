import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ListReport } from "@/lib/broadcasts/recipient-list";
import { countOf, nounFor } from "@/lib/format/plural";
import { WizardStep } from "./wizard-step";

const REPORT_ROWS_SHOWN = 200;

/** Step 4: how many recipients are ready, each row left out with its problems, and the duplicates merged. */
export function ReportStep({ report }: { report: ListReport & { ms: number } }) {
  const merged = report.recipients.filter((recipient) => recipient.copies > 1);
  return (
    <WizardStep id="bw-report" title="4. Validation report" className="gap-3">
      <ul className="grid gap-1 text-sm" aria-label="Report summary">
        <li>
          <strong>{report.recipients.length.toLocaleString("en")}</strong>{" "}
          {nounFor(report.recipients.length, "recipient")} ready
        </li>
        <li>
          <strong>{report.invalid.length.toLocaleString("en")}</strong>{" "}
          {nounFor(report.invalid.length, "row")} with problems, left out
        </li>
        <li>
          <strong>{report.duplicates.toLocaleString("en")}</strong> duplicate{" "}
          {nounFor(report.duplicates, "row")} merged: each number gets the message once
        </li>
        {report.longRows && report.longRows.count > 0 && (
          <li>
            <strong>{report.longRows.count.toLocaleString("en")}</strong>{" "}
            {nounFor(report.longRows.count, "row has", "rows have")} cells past the header&apos;s columns (
            {nounFor(report.longRows.count, "row", "rows")} {report.longRows.first.join(", ")}
            {report.longRows.count > report.longRows.first.length ? ", …" : ""}): no column is mapped to them,
            so they are not sent
          </li>
        )}
        <li className="text-muted-foreground">
          Checked {countOf(report.totalRows, "row")} in {Math.round(report.ms)} ms
        </li>
      </ul>
      {report.invalid.length > 0 && (
        <div className="max-h-80 overflow-auto">
          <Table aria-label="Rows with problems">
            <TableHeader>
              <TableRow>
                <TableHead>Row</TableHead>
                <TableHead>Phone</TableHead>
                <TableHead>Problems</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.invalid.slice(0, REPORT_ROWS_SHOWN).map((row) => (
                <TableRow key={row.rowNumber}>
                  <TableCell>{row.rowNumber}</TableCell>
                  <TableCell className="font-mono text-xs">{row.phone || "—"}</TableCell>
                  <TableCell>{row.problems.join("; ")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {report.invalid.length > REPORT_ROWS_SHOWN && (
            <p className="p-2 text-sm text-muted-foreground">
              and {(report.invalid.length - REPORT_ROWS_SHOWN).toLocaleString("en")} more
            </p>
          )}
        </div>
      )}
      {merged.length > 0 && (
        <p className="text-sm text-muted-foreground">
          Merged:{" "}
          {merged
            .slice(0, 5)
            .map((recipient) => `${recipient.phone} ×${recipient.copies}`)
            .join(", ")}
        </p>
      )}
    </WizardStep>
  );
}
