/**
 * Sends and replies over time, for a broadcast's chart: counted per slice of time in the database, added up here into
 * two running totals over one time axis. The slice is the shortest that covers the span in at most `MAX_SLICES`.
 */

export const SLICE_SIZES_MS = [
  1_000,
  5_000,
  10_000,
  30_000,
  60_000,
  5 * 60_000,
  15 * 60_000,
  30 * 60_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  24 * 3_600_000,
] as const;
export const MAX_SLICES = 60;

/** The shortest slice that covers `spanMs` in at most `MAX_SLICES` (the longest one beyond that). */
export function sliceSizeFor(spanMs: number): number {
  return SLICE_SIZES_MS.find((size) => Math.floor(spanMs / size) + 1 <= MAX_SLICES) ?? SLICE_SIZES_MS.at(-1)!;
}

/** The chart's data: from `startMs`, one running total per slice of `sliceMs` (the total at the slice's end). */
export type Timeline = { startMs: number; sliceMs: number; sent: number[]; replied: number[] };

type Counted = { bucket: number; count: number };

/** Running totals over `slices` slices from per-slice counts (a count outside them goes to the nearest end). */
export function runningTotals(counted: readonly Counted[], slices: number): number[] {
  const per = new Array<number>(slices).fill(0);
  for (const { bucket, count } of counted) per[Math.min(Math.max(bucket, 0), slices - 1)]! += count;
  let total = 0;
  return per.map((value) => (total += value));
}

/** The timeline from `startMs` to `endMs`, from the counts per slice the database gave for `sliceMs`. */
export function buildTimeline(
  startMs: number,
  endMs: number,
  sliceMs: number,
  counts: { sent: readonly Counted[]; replied: readonly Counted[] },
): Timeline {
  const slices = Math.floor((endMs - startMs) / sliceMs) + 1;
  return {
    startMs,
    sliceMs,
    sent: runningTotals(counts.sent, slices),
    replied: runningTotals(counts.replied, slices),
  };
}

/** A count as a share of `total`, for results and rates: "40%", "12.5%", "0.3%", "0%", "—" of nothing. */
export function percentOf(count: number, total: number): string {
  if (total <= 0) return "—";
  const percent = (count / total) * 100;
  const rounded = percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10;
  // Never 0% of something, nor 100% of less than all.
  if (count > 0 && rounded === 0) return "<0.1%";
  if (count < total && rounded === 100) return ">99%";
  return `${rounded}%`;
}
