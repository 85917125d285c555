"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { StatusBadge } from "@/components/history/status-badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import type { RecipientReportRow } from "@/lib/db/broadcast-queries";
import type { BroadcastProgress as Progress } from "@/lib/broadcasts/progress";
import { reportReason, reportStatus } from "@/lib/broadcasts/report";
import { RECIPIENT_STATES } from "@/lib/db/constants";

const REFRESH_MS = 1_000;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`Bellhop answered ${response.status}`);
  return response.json() as Promise<T>;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${seconds % 60} s`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A broadcast's live progress, its controls and its per-recipient report. */
export function BroadcastProgressView({
  initial,
  canControl,
}: {
  initial: Progress;
  /** Whether this user started the broadcast or is an admin: only they may pause, resume or cancel it. */
  canControl: boolean;
}) {
  const queryClient = useQueryClient();
  const id = initial.id;
  const { data: progress = initial } = useQuery({
    queryKey: ["broadcast", id],
    queryFn: () => getJson<Progress>(`/api/broadcasts/${id}`),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const [acting, startActing] = useTransition();
  const [actionError, setActionError] = useState<string | null>(null);
  const act = (action: "pause" | "resume" | "cancel") =>
    startActing(async () => {
      setActionError(null);
      const response = await fetch(`/api/broadcasts/${id}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action }),
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as (Progress & { message?: string }) | null;
      if (!response?.ok) setActionError(body?.message ?? "Bellhop's server did not answer: try again.");
      if (body?.id) {
        // A poll sent before the action must not land after it and show the old state again.
        await queryClient.cancelQueries({ queryKey: ["broadcast", id] });
        queryClient.setQueryData(["broadcast", id], body);
      }
      await queryClient.invalidateQueries({ queryKey: ["broadcast-report", id] });
    });

  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  const failed = progress.counts.failed ?? 0;
  return (
    <div className="grid grid-cols-1 gap-6">
      <section aria-labelledby="progress-heading" className="grid gap-3 rounded-lg border p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="progress-heading" className="font-medium">
            Progress
          </h2>
          <span data-testid="broadcast-state">
            <StatusBadge status={progress.state} />
          </span>
          {!canControl && (progress.state === "running" || progress.state === "paused") && (
            <p className="ml-auto text-sm text-muted-foreground">
              Only {progress.createdByEmail ?? "the person who started it"} or an admin can pause or cancel
              it.
            </p>
          )}
          {canControl && (
            <div className="ml-auto flex gap-2">
              {progress.state === "running" && (
                <Button type="button" variant="outline" disabled={acting} onClick={() => act("pause")}>
                  Pause
                </Button>
              )}
              {progress.state === "paused" && (
                <Button type="button" variant="outline" disabled={acting} onClick={() => act("resume")}>
                  Resume
                </Button>
              )}
              {(progress.state === "running" || progress.state === "paused") && (
                <Button type="button" variant="destructive" disabled={acting} onClick={() => act("cancel")}>
                  Cancel broadcast
                </Button>
              )}
            </div>
          )}
        </div>
        <div
          role="progressbar"
          aria-label="Broadcast progress"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          aria-valuetext={`${progress.done} of ${progress.total} done`}
          className="h-3 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm">
          {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")} done ({percent}%) ·{" "}
          {progress.currentRate} a second now (configured {progress.ratePerSecond})
          {progress.secondsLeft !== null && ` · about ${duration(progress.secondsLeft)} left`}
        </p>
        {actionError && (
          <p role="alert" className="text-sm text-destructive">
            {actionError}
          </p>
        )}
        <dl aria-label="Rows per state" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {RECIPIENT_STATES.map((state) => (
            <div key={state} className="flex gap-1">
              <dt>{state}</dt>
              <dd data-state={state} className="font-medium">
                {(progress.counts[state] ?? 0).toLocaleString("en")}
              </dd>
            </div>
          ))}
        </dl>
        {Object.keys(progress.deliveries).length > 0 && (
          <dl aria-label="Delivery statuses" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {Object.entries(progress.deliveries).map(([status, value]) => (
              <div key={status} className="flex items-center gap-1">
                <dt>
                  <StatusBadge status={status} />
                </dt>
                <dd>{(value ?? 0).toLocaleString("en")}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <BroadcastReport id={id} failed={failed} done={progress.done} />
    </div>
  );
}

type ReportPage = { rows: RecipientReportRow[]; next: number | null };

function BroadcastReport({ id, failed, done }: { id: number; failed: number; done: number }) {
  const [state, setState] = useState("");
  const [pages, setPages] = useState(1);
  const { data } = useQuery({
    // `done` in the key: the report follows the progress.
    queryKey: ["broadcast-report", id, state, pages, done],
    queryFn: async () => {
      const rows: RecipientReportRow[] = [];
      let after = 0;
      let next: number | null = null;
      for (let page = 0; page < pages; page += 1) {
        const result = await getJson<ReportPage>(
          `/api/broadcasts/${id}/recipients?${new URLSearchParams({ ...(state ? { state } : {}), after: String(after) })}`,
        );
        rows.push(...result.rows);
        next = result.next;
        if (!next) break;
        after = next;
      }
      return { rows, next };
    },
    placeholderData: keepPreviousData,
  });
  const exportHref = `/api/broadcasts/${id}/export${state ? `?state=${state}` : ""}`;
  return (
    <section aria-labelledby="report-heading" className="grid grid-cols-1 gap-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="report-heading" className="font-medium">
          Report
        </h2>
        <Field className="w-48">
          <FieldLabel htmlFor="report-state">Row state</FieldLabel>
          <NativeSelect
            id="report-state"
            value={state}
            onChange={(event) => {
              setState(event.target.value);
              setPages(1);
            }}
          >
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
      <div className="overflow-x-auto">
        <table aria-label="Recipients" className="w-full text-left text-sm">
          <thead className="bg-muted">
            <tr>
              <th className="px-2 py-1">Row</th>
              <th className="px-2 py-1">Recipient</th>
              <th className="px-2 py-1">Values</th>
              <th className="px-2 py-1">Status</th>
              <th className="px-2 py-1">Reason</th>
              <th className="px-2 py-1">Callbell uuid</th>
            </tr>
          </thead>
          <tbody>
            {(data?.rows ?? []).map((row) => (
              <tr key={row.id} className="border-t" data-row={row.rowNumber}>
                <td className="px-2 py-1">{row.rowNumber}</td>
                <td className="px-2 py-1 font-mono text-xs">{row.phone}</td>
                <td className="px-2 py-1">{(JSON.parse(row.values) as string[]).join(" | ")}</td>
                <td className="px-2 py-1">
                  <StatusBadge status={reportStatus(row)} />
                </td>
                <td className="px-2 py-1 text-xs">{reportReason(row)}</td>
                <td className="px-2 py-1 font-mono text-xs">{row.callbellUuid ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data?.next && (
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => setPages(pages + 1)}>
            Show more
          </Button>
        </div>
      )}
    </section>
  );
}
