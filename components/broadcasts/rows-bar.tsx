import { countOf } from "@/lib/format/plural";
import { OUTCOME_MEANINGS, ROW_OUTCOMES, type RowCounts, type RowOutcome } from "@/lib/broadcasts/row-counts";
import { cn } from "@/lib/utils";

/** Each outcome's colour in the bar and its legend; waiting is the bar's empty track. */
export const OUTCOME_COLOURS: Record<RowOutcome, string> = {
  sent: "bg-emerald-600 dark:bg-emerald-500",
  failed: "bg-destructive",
  unknown: "bg-amber-500 dark:bg-amber-400",
  cancelled: "bg-muted-foreground/50",
  waiting: "bg-muted border border-muted-foreground/60",
};

const SEGMENTS = ROW_OUTCOMES.filter((outcome) => outcome !== "waiting");

/**
 * A broadcast's rows as one bar: sent, failed, unknown and cancelled side by side, waiting as the empty rest, so a
 * cancelled broadcast never looks finished. Its value (done of total) is what automation reads.
 */
export function RowsBar({ rows }: { rows: RowCounts }) {
  const share = (count: number) => (rows.total === 0 ? 0 : (count / rows.total) * 100);
  return (
    <div
      role="progressbar"
      aria-label="Broadcast progress"
      aria-valuemin={0}
      aria-valuemax={rows.total}
      aria-valuenow={rows.done}
      aria-valuetext={`${ROW_OUTCOMES.map((outcome) => `${rows[outcome]} ${outcome}`).join(", ")} of ${countOf(rows.total, "recipient")}`}
      className="flex h-3 w-full overflow-hidden rounded-full bg-muted"
    >
      {SEGMENTS.map((outcome) =>
        rows[outcome] > 0 ? (
          <div
            key={outcome}
            data-segment={outcome}
            className={cn("h-full transition-[width]", OUTCOME_COLOURS[outcome])}
            style={{ width: `${share(rows[outcome])}%` }}
          />
        ) : null,
      )}
    </div>
  );
}

/**
 * The bar's legend: every outcome with its count (`dd[data-state=…]`, for automation), each explained on hover, and
 * in words under it for failed and unknown rows, the two a support lead must act on.
 */
export function RowsLegend({ rows }: { rows: RowCounts }) {
  const explained = (["failed", "unknown"] as const).filter((outcome) => rows[outcome] > 0);
  return (
    <div className="grid gap-1">
      <dl aria-label="Rows per state" className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {ROW_OUTCOMES.map((outcome) => (
          <div key={outcome} className="flex items-center gap-1.5" title={OUTCOME_MEANINGS[outcome]}>
            <span aria-hidden className={cn("size-2.5 rounded-full", OUTCOME_COLOURS[outcome])} />
            <dt>{outcome}</dt>
            <dd data-state={outcome} className="font-medium tabular-nums">
              {rows[outcome].toLocaleString("en")}
            </dd>
          </div>
        ))}
      </dl>
      {explained.map((outcome) => (
        <p key={outcome} className="text-xs text-muted-foreground" data-meaning={outcome}>
          <span className="font-medium">{outcome.charAt(0).toUpperCase() + outcome.slice(1)}:</span>{" "}
          {OUTCOME_MEANINGS[outcome]}
        </p>
      ))}
    </div>
  );
}
