"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { StatusBadge } from "@/components/history/status-badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { reportReason, reportStatus, storedValues } from "@/lib/broadcasts/report";
import type { RecipientReportRow } from "@/lib/db/broadcast-report-queries";
import { RECIPIENT_STATES } from "@/lib/db/constants";
import { fetchJson } from "@/lib/http/fetch-json";

/** One page of `GET /api/broadcasts/<id>/recipients`: 100 rows, and the row id to ask after for the next. */
type ReportPage = { rows: RecipientReportRow[]; next: number | null };

/** A broadcast's per-recipient report, filtered by row state, 100 rows at a time; it follows the progress. */
export function BroadcastReport({ id, failed, done }: { id: number; failed: number; done: number }) {
  const [state, setState] = useState("");
  const report = useInfiniteQuery({
    queryKey: ["broadcast-report", id, state],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<ReportPage>(
        `/api/broadcasts/${id}/recipients?${new URLSearchParams({ ...(state ? { state } : {}), after: String(pageParam) })}`,
        { signal },
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
  // The rows change as the dispatch moves: every page shown is read again when the progress does.
  const { refetch } = report;
  const seenDone = useRef(done);
  useEffect(() => {
    if (seenDone.current === done) return;
    seenDone.current = done;
    void refetch();
  }, [done, refetch]);

  const rows = report.data?.pages.flatMap((page) => page.rows) ?? [];
  const exportHref = `/api/broadcasts/${id}/export${state ? `?state=${state}` : ""}`;
  return (
    <section aria-labelledby="report-heading" className="grid grid-cols-1 gap-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="report-heading" className="font-medium">
          Report
        </h2>
        <Field className="w-48">
          <FieldLabel htmlFor="report-state">Row state</FieldLabel>
          <NativeSelect id="report-state" value={state} onChange={(event) => setState(event.target.value)}>
            <option value="">Every row</option>
            {RECIPIENT_STATES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="ml-auto flex gap-2">
          {failed > 0 && (
            <Link
              href={`/broadcasts/new?from=${id}`}
              className={buttonClassName({ variant: "outline", size: "sm" })}
            >
              New broadcast from failed rows
            </Link>
          )}
          <a href={exportHref} download className={buttonClassName({ variant: "outline", size: "sm" })}>
            Export CSV
          </a>
        </div>
      </div>
      {/* On a phone the table scrolls on its own rather than widen the page. */}
      <Table aria-label="Recipients">
        <TableHeader>
          <TableRow>
            <TableHead>Row</TableHead>
            <TableHead>Recipient</TableHead>
            <TableHead>Values</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead>Callbell uuid</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-row={row.rowNumber}>
              <TableCell>{row.rowNumber}</TableCell>
              <TableCell className="font-mono text-xs">{row.phone}</TableCell>
              <TableCell>{storedValues(row.values).join(" | ")}</TableCell>
              <TableCell>
                <StatusBadge status={reportStatus(row)} />
              </TableCell>
              <TableCell className="text-xs">{reportReason(row)}</TableCell>
              <TableCell className="font-mono text-xs">{row.callbellUuid ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {report.hasNextPage && (
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={report.isFetchingNextPage}
            onClick={() => void report.fetchNextPage()}
          >
            Show more
          </Button>
        </div>
      )}
    </section>
  );
}
