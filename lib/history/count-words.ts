/**
 * How the history says a count. Up to `HISTORY_COUNT_EXACT_LIMIT` sends match, every count is exact; above it they are
 * estimated from a sample (lib/db/history-counts.ts), since counting a million rows exactly would keep the page
 * waiting, and the page says "about".
 */
export const HISTORY_COUNT_EXACT_LIMIT = 100_000;

/** A count to two significant figures, in words: 1,234,567 → "1.2 million", 201,234 → "200,000", 987 → "990". */
export function roundedCount(value: number): string {
  const rounded = Number(value.toPrecision(2));
  return rounded >= 1_000_000
    ? `${(rounded / 1_000_000).toLocaleString("en")} million`
    : rounded.toLocaleString("en");
}

/** A count as the history shows it: exact as it is (with thousands separated), or "about" its rounded value. */
export function countInWords(value: number, exact: boolean): string {
  return exact || value === 0 ? value.toLocaleString("en") : `about ${roundedCount(value)}`;
}
