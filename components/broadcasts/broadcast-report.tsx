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
import { isRowFinal, ROW_OUTCOMES, type RowCounts } from "@/lib/broadcasts/row-counts";
import { fetchJson } from "@/lib/http/fetch-json";
import { cn } from "@/lib/utils";

/** One page of `GET /api/broadcasts/<id>/recipients`: 100 rows, and the row id to ask after for the next. */
type ReportPage = { rows: RecipientReportRow[]; next: number | null };

/** A cell of a phone's card: no table padding, the card has its own. */
const CARD_CELL = "max-sm:block max-sm:p-0";

/** How often the rows shown are read again while one of them can still change. */
const ROWS_REFRESH_MS = 2_000;

const anyRowOpen = (pages: ReportPage[] | undefined) =>
  pages?.some((page) => page.rows.some((row) => !isRowFinal(row.state, row.deliveryStatus))) ?? false;

/**
 * A broadcast's per-recipient report, filtered by outcome (row-counts.ts, as the counts above it), 100 rows at a time.
 * The rows shown are read again while any of them can still change, also after the dispatch is over: Callbell reports
 * delivered, read or failed for minutes after the last send.
 */
export function BroadcastReport({ id, rows: counts }: { id: number; rows: RowCounts }) {
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
    refetchInterval: (query) => (anyRowOpen(query.state.data?.pages) ? ROWS_REFRESH_MS : false),
  });
  // A filter's rows come and go as the dispatch moves: every page shown is read again when the counts change.
  const { refetch } = report;
  const seenDone = useRef(counts.done);
  useEffect(() => {
    if (seenDone.current === counts.done) return;
    seenDone.current = counts.done;
    void refetch();
  }, [counts.done, refetch]);

  const rows = report.data?.pages.flatMap((page) => page.rows) ?? [];
  const exportHref = `/api/broadcasts/${id}/export${state ? `?state=${state}` : ""}`;
  return (
    <section aria-labelledby="report-heading" className="grid grid-cols-1 gap-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-end gap-3">
        {/* On its own line, at the top as the other sections' headings are, not level with the select below. */}
        <h2 id="report-heading" className="w-full font-medium">
          Report
        </h2>
        <Field className="w-48">
          <FieldLabel htmlFor="report-state">Row state</FieldLabel>
          <NativeSelect id="report-state" value={state} onChange={(event) => setState(event.target.value)}>
            <option value="">Every row ({counts.total.toLocaleString("en")})</option>
            {ROW_OUTCOMES.map((option) => (
              <option key={option} value={option}>
                {option} ({counts[option].toLocaleString("en")})
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="ml-auto flex gap-2">
          {counts.failed > 0 && (
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
      {/* On a phone each row is a card (number, phone and status, then values, reason and uuid): no sideways scroll. */}
      <Table aria-label="Recipients" className="max-sm:block">
        <TableHeader className="max-sm:hidden">
          <TableRow>
            <TableHead>Row</TableHead>
            <TableHead>Recipient</TableHead>
            <TableHead>Values</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead>Callbell uuid</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody className="max-sm:block">
          {rows.map((row) => (
            <TableRow
              key={row.id}
              data-row={row.rowNumber}
              className="max-sm:grid max-sm:grid-cols-[auto_1fr_auto] max-sm:items-center max-sm:gap-x-2 max-sm:gap-y-1 max-sm:p-3"
            >
              <TableCell className={CARD_CELL}>{row.rowNumber}</TableCell>
              <TableCell className={cn(CARD_CELL, "font-mono text-xs")}>{row.phone}</TableCell>
              <TableCell className={cn(CARD_CELL, "max-sm:order-last max-sm:col-span-3")}>
                {storedValues(row.values).join(" | ")}
              </TableCell>
              <TableCell className={CARD_CELL}>
                <StatusBadge status={reportStatus(row)} />
              </TableCell>
              <TableCell
                className={cn(CARD_CELL, "text-xs max-sm:order-last max-sm:col-span-3 max-sm:empty:hidden")}
              >
                {reportReason(row)}
              </TableCell>
              <TableCell
                className={cn(
                  CARD_CELL,
                  "font-mono text-xs max-sm:order-last max-sm:col-span-3 max-sm:break-all",
                )}
              >
                {row.callbellUuid ?? "—"}
              </TableCell>
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
