import { Moment } from "@/components/ui/moment";
import type { Timeline } from "@/lib/broadcasts/timeline";
import { formatSeconds } from "@/lib/format/duration";

const WIDTH = 600;
const HEIGHT = 120;
/** Room above and below the lines, so a line at 0 or at the top is not cut by the edge. */
const PAD = 3;

/** A running total as the points of a line: from 0 at the start, one point at the end of each slice. */
function linePoints(totals: number[], top: number): string {
  const values = [0, ...totals];
  const last = values.length - 1;
  return values
    .map((value, index) => {
      const x = (index / last) * WIDTH;
      const y = HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/**
 * A broadcast's sends and replies over time as two running totals, drawn in SVG by hand (no chart library: the page
 * has a weight budget). Its text alternative says what the lines end at; the axis gives the first and last moment.
 */
export function ResultsChart({ timeline, repliesKnown }: { timeline: Timeline; repliesKnown: boolean }) {
  const sent = timeline.sent.at(-1) ?? 0;
  const replied = timeline.replied.at(-1) ?? 0;
  const top = Math.max(sent, replied, 1);
  const endMs = timeline.startMs + timeline.sent.length * timeline.sliceMs;
  const every = formatSeconds(timeline.sliceMs / 1000);
  const summary = repliesKnown
    ? `Sends and replies over time, every ${every}: ${sent} sent, ${replied} replied`
    : `Sends over time, every ${every}: ${sent} sent`;
  return (
    <figure className="grid min-w-0 gap-1">
      <figcaption className="text-sm font-medium">
        {repliesKnown ? "Sends and replies over time" : "Sends over time"}
      </figcaption>
      <div className="flex gap-2">
        <div className="flex flex-col justify-between text-right text-xs text-muted-foreground tabular-nums">
          <span>{top}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-32 w-full min-w-0 rounded border bg-muted/30"
        >
          <polyline
            data-series="sent"
            points={linePoints(timeline.sent, top)}
            fill="none"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
            className="stroke-emerald-600 dark:stroke-emerald-400"
          />
          {repliesKnown && (
            <polyline
              data-series="replied"
              points={linePoints(timeline.replied, top)}
              fill="none"
              strokeWidth={2}
              strokeDasharray="6 3"
              vectorEffect="non-scaling-stroke"
              className="stroke-sky-600 dark:stroke-sky-400"
            />
          )}
        </svg>
      </div>
      <div className="flex flex-wrap justify-between gap-x-4 pl-6 text-xs text-muted-foreground">
        <Moment iso={new Date(timeline.startMs).toISOString()} absolute plain />
        <span className="flex gap-3">
          <span className="flex items-center gap-1">
            <span aria-hidden="true" className="h-0.5 w-4 bg-emerald-600 dark:bg-emerald-400" /> sent
          </span>
          {repliesKnown && (
            <span className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="h-0.5 w-4 border-t-2 border-dashed border-sky-600 dark:border-sky-400"
              />{" "}
              replied
            </span>
          )}
        </span>
        {endMs - timeline.startMs < 120_000 ? (
          // Both ends in the same minute or the next say nothing of a short run: its length does.
          <span>{Math.max(1, Math.round((endMs - timeline.startMs) / 1000))} s later</span>
        ) : (
          <Moment iso={new Date(endMs).toISOString()} absolute plain />
        )}
      </div>
    </figure>
  );
}
