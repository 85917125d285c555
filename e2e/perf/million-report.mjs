// REPORT.md's section for the million-send history (million.bench.mjs), on SQLite and PostgreSQL.
import { yes } from "./report-sections.mjs";

const viewRows = (runs) =>
  Object.keys(runs[0].historyPage).map(
    (name) =>
      `| ${name} | ${runs
        .map(
          (r) =>
            `${r.historyPage[name].p50} / ${r.historyPage[name].p95} | ${r.statusCounts[name] ? `${r.statusCounts[name].p50} / ${r.statusCounts[name].p95}` : "–"}`,
        )
        .join(" | ")} |`,
  );

const budgetLine = (r) =>
  Object.entries(r.budgets)
    .map(([budget, ok]) => `${budget}: ${yes(ok)}`)
    .join("; ");

export const millionSection = (runs) => `
## A million sends (issue 23)

\`e2e/perf/million.bench.mjs\`: ${runs[0].rows.toLocaleString("en")} sends, the same mix as the 100,000 above (every status and type,
6 templates, 3 channels, 5 senders, over 90 days), seeded inside the database (SQLite's recursive \`with\`,
PostgreSQL's \`generate_series\`, 100,000 rows a statement) beside a running Bellhop, which is then restarted on it and
timed to its first 200. Each view is asked ${runs[0].warmUpPerView + runs[0].samplesPerView} times over HTTP, the first ${runs[0].warmUpPerView} not counted (${runs[0].samplesPerView} samples, not 200
as at 100,000, to keep the run within minutes). Counts past ${(100_000).toLocaleString("en")} matching sends are estimated from 20 runs of
1,000 ids and said "about" (\`lib/db/history-counts.ts\`); this mix repeats every 10 sends, so here the estimates
come out exact, where a real history's are off by a few percent.

| figure | ${runs.map((r) => r.database).join(" | ")} | budget |
| --- | ${runs.map(() => "---").join(" | ")} | --- |
| seeding | ${runs.map((r) => `${r.seed.seconds} s (${r.seed.rowsPerSecond.toLocaleString("en")} rows a second)`).join(" | ")} | |
| database size | ${runs.map((r) => `${r.seed.megabytes} MB, **${r.seed.megabytesPer100k} MB per 100,000 sends**`).join(" | ")} | |
| \`next start\` to the first 200 | ${runs.map((r) => `**${r.start.ms} ms** (${r.start.serverRssIdleMb} MB)`).join(" | ")} | ≤ 2 s |
| worst page p95 | ${runs.map((r) => `**${r.historyPageWorstP95Ms} ms**`).join(" | ")} | ≤ 50 ms |
| worst counts p95 | ${runs.map((r) => `**${r.statusCountsWorstP95Ms} ms**`).join(" | ")} | ≤ 100 ms |
| CSV export of every row | ${runs.map((r) => `**${r.export.seconds} s**, ${r.export.rowsWritten.toLocaleString("en")} rows, ${r.export.megabytes} MB`).join(" | ")} | ≤ 60 s |
| server memory during the export | ${runs.map((r) => `${r.export.serverRssBeforeMb} → ${r.export.serverRssPeakMb} MB, **+${r.export.serverRssGrowthMb} MB**`).join(" | ")} | < 100 MB |
| counts with no filter, as answered | ${runs.map((r) => `${JSON.stringify(r.countsNoFilter.counts).replace(/"/g, "").replace(/,/g, ", ")}, exact: ${r.countsNoFilter.exact}`).join(" | ")} | |

Per view, p50 / p95 ms:

| view | ${runs.map((r) => `page, ${r.database} | counts, ${r.database}`).join(" | ")} |
| --- | ${runs.map(() => "--- | ---").join(" | ")} |
${viewRows(runs).join("\n")}

Budgets: ${runs.map((r) => `${r.database}: ${budgetLine(r)}`).join(". ")}.
`;
