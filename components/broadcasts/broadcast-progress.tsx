"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useTransition } from "react";
import { BroadcastStateBadge, StatusBadge } from "@/components/history/status-badge";
import type { BroadcastProgress as Progress } from "@/lib/broadcasts/progress";
import type { ControlAction, ControlResult } from "@/lib/broadcasts/results";
import { formatSeconds } from "@/lib/format/duration";
import { countOf } from "@/lib/format/plural";
import { fetchJson } from "@/lib/http/fetch-json";
import { BroadcastControls } from "./broadcast-controls";
import { BroadcastReport } from "./broadcast-report";
import { BroadcastTiming } from "./broadcast-timing";
import type { StartTime } from "@/lib/broadcasts/control";
import { RowsBar, RowsLegend } from "./rows-bar";

const REFRESH_MS = 1_000;

/**
 * The page's server action: pause, resume, cancel, start now or reschedule to `when` (the creator or an admin only;
 * the server checks).
 */
export type ControlBroadcastAction = (
  id: number,
  action: ControlAction,
  when?: StartTime,
) => Promise<ControlResult>;

/** A broadcast's live progress, its controls and its per-recipient report. */
export function BroadcastProgressView({
  initial,
  canControl,
  control,
  results,
}: {
  initial: Progress;
  /** The broadcast's results (broadcast-results.tsx), between the progress and the report. */
  results?: React.ReactNode;
  /** Whether this user started the broadcast or is an admin: only they may pause, resume or cancel it. */
  canControl: boolean;
  control: ControlBroadcastAction;
}) {
  const queryClient = useQueryClient();
  const id = initial.id;
  const { data: progress = initial } = useQuery({
    queryKey: ["broadcast", id],
    queryFn: ({ signal }) => fetchJson<Progress>(`/api/broadcasts/${id}`, { signal }),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const [acting, startActing] = useTransition();
  const [actionError, setActionError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | undefined>(undefined);
  const [timeSaved, setTimeSaved] = useState(false);
  const act = (action: ControlAction, when?: StartTime) =>
    startActing(async () => {
      setActionError(null);
      setTimeError(undefined);
      setTimeSaved(false);
      const result = await control(id, action, when).catch(() => null);
      if (action === "reschedule" && result?.kind === "changed") setTimeSaved(true);
      if (result && "field" in result && result.field === "startAt") setTimeError(result.message);
      else if (result?.kind !== "changed") {
        setActionError(result?.message ?? "Bellhop's server did not answer: try again.");
      }
      if (result && "progress" in result) {
        // A poll sent before the action must not land after it and show the old state again.
        await queryClient.cancelQueries({ queryKey: ["broadcast", id] });
        queryClient.setQueryData(["broadcast", id], result.progress);
      }
      await queryClient.invalidateQueries({ queryKey: ["broadcast-report", id] });
    });

  const { rows } = progress;
  const percent = rows.total === 0 ? 0 : Math.round((rows.sent / rows.total) * 100);
  // The results below count the same sends: read again when the progress moves, so both say one number.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ["broadcast-results", id] });
  }, [rows.sent, rows.done, queryClient, id]);
  return (
    <div className="grid grid-cols-1 gap-6">
      <section aria-labelledby="progress-heading" className="grid min-w-0 gap-3 rounded-lg border p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="progress-heading" className="font-medium">
            Progress
          </h2>
          <span data-testid="broadcast-state">
            <BroadcastStateBadge state={progress.state} waiting={progress.waitingUntil !== null} />
          </span>
          {!canControl && !["cancelled", "completed"].includes(progress.state) && (
            <p className="text-sm text-muted-foreground sm:ml-auto">
              Only {progress.createdByEmail ?? "the person who started it"} or an admin can{" "}
              {progress.state === "running" || progress.state === "paused"
                ? "pause or cancel it"
                : "start, reschedule or cancel it"}
              .
            </p>
          )}
          {canControl && (
            <BroadcastControls
              state={progress.state}
              waiting={progress.waitingUntil !== null}
              rows={rows}
              acting={acting}
              act={act}
            />
          )}
        </div>
        {progress.state === "paused" && progress.stateNote && (
          <p className="text-sm text-destructive" data-testid="broadcast-pause-note">
            {progress.stateNote}
          </p>
        )}
        <BroadcastTiming
          progress={progress}
          canControl={canControl}
          acting={acting}
          act={act}
          error={timeError}
          saved={timeSaved}
        />
        <RowsBar rows={rows} />
        <p className="text-sm">
          <strong>{rows.sent.toLocaleString("en")}</strong> of {countOf(rows.total, "recipient")} sent (
          {percent}%)
          {rows.waiting > 0 && ` · ${rows.waiting.toLocaleString("en")} waiting`}
          {progress.currentRate !== null &&
            ` · ${progress.currentRate} a second now (configured ${progress.ratePerSecond})`}
          {progress.secondsLeft !== null && ` · about ${formatSeconds(progress.secondsLeft)} left`}
        </p>
        {actionError && (
          <p role="alert" className="text-sm text-destructive">
            {actionError}
          </p>
        )}
        <RowsLegend rows={rows} />
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
      {results}
      <BroadcastReport id={id} rows={rows} />
    </div>
  );
}
