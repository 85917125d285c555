// `npm run bench`: builds nothing itself (the npm script builds first), runs each benchmark in its own process, and
// writes e2e/perf/REPORT.md with the figures, the machine and the date. Budgets are goals reported here, never timed
// assertions in the test suite.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { millionSection } from "./million-report.mjs";
import {
  sendSection,
  ceilingSection,
  faultsSection,
  quietHoursSection,
  repliesSection,
  schedulerSection,
  yes,
} from "./report-sections.mjs";

// A benchmark's PostgreSQL run: the server started (or installed) by e2e/scripts/postgres.sh, and its address.
const ON_POSTGRES = {
  before: ["bash", ["e2e/scripts/postgres.sh"]],
  env: { BENCH_POSTGRES_URL: "postgres://bellhop:bellhop@127.0.0.1:5432" },
};

const BENCHES = [
  { name: "pageWeight", file: "e2e/perf/page-weight.bench.mjs" },
  { name: "lighthouse", file: "e2e/perf/lighthouse.bench.mjs" },
  { name: "history", file: "e2e/perf/history.bench.mjs" },
  // The same on PostgreSQL (started, or installed, by e2e/scripts/postgres.sh).
  {
    name: "historyPostgres",
    file: "e2e/perf/history.bench.mjs",
    ...ON_POSTGRES,
  },
  // A million sends (issue 23), on SQLite and then on PostgreSQL (`BENCH_ONLY=million`).
  { name: "million", file: "e2e/perf/million.bench.mjs" },
  { name: "millionPostgres", group: "million", file: "e2e/perf/million.bench.mjs", ...ON_POSTGRES },
  { name: "broadcast", file: "e2e/perf/broadcast.bench.mjs" },
  { name: "send", file: "e2e/perf/send.bench.mjs" },
  { name: "faults", file: "e2e/perf/faults.bench.mjs" },
  { name: "quietHours", file: "e2e/perf/quiet-hours.bench.mjs" },
  // Messages sent later, on SQLite and then on PostgreSQL (one section of the report: `BENCH_ONLY=scheduler`).
  { name: "scheduler", file: "e2e/perf/scheduler.bench.mjs" },
  {
    name: "schedulerPostgres",
    group: "scheduler",
    file: "e2e/perf/scheduler.bench.mjs",
    ...ON_POSTGRES,
  },
  // Broadcasts at Callbell's ceiling (issue 23): 300 a second on one instance (SQLite), then on two (PostgreSQL).
  { name: "ceiling", file: "e2e/perf/ceiling.bench.mjs" },
  {
    name: "ceilingPostgres",
    group: "ceiling",
    file: "e2e/perf/ceiling.bench.mjs",
    ...ON_POSTGRES,
    env: { ...ON_POSTGRES.env, BENCH_INSTANCES: "2" },
  },
  // Replies (issue 22): customers' messages to the webhook at 200 a second, on SQLite, then on PostgreSQL.
  { name: "replies", file: "e2e/perf/replies.bench.mjs" },
  {
    name: "repliesPostgres",
    group: "replies",
    file: "e2e/perf/replies.bench.mjs",
    ...ON_POSTGRES,
  },
];

const lighthouseVersion = JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version;
// `BENCH_ONLY=faults npm run bench` (or `pageWeight`, `lighthouse`, or several with commas) runs those benchmarks
// alone and replaces their sections of the report, dated.
const PARTIAL = {
  faults: "Broadcasts under faults (issue 20)",
  pageWeight: "Page weight (issue 7)",
  lighthouse: "Lighthouse (issue 7)",
  quietHours: "Sending hours (issue 22)",
  scheduler: "Messages sent later (issue 22)",
  replies: "Replies (issue 22)",
  ceiling: "Broadcasts at Callbell's ceiling (issue 23)",
  send: "Send overhead, start and memory (issue 7)",
  million: "A million sends (issue 23)",
};
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
if (only && only.some((name) => !(name in PARTIAL))) {
  throw new Error(`BENCH_ONLY takes ${Object.keys(PARTIAL).join(", ")}`);
}
const results = {};
for (const bench of BENCHES.filter(
  (candidate) => !only || only.includes(candidate.group ?? candidate.name),
)) {
  console.log(`bench: ${bench.name}…`);
  if (bench.before) execFileSync(bench.before[0], bench.before[1], { stdio: "inherit" });
  const output = execFileSync(process.execPath, [bench.file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...bench.env },
  });
  results[bench.name] = JSON.parse(output.slice(output.indexOf("{")));
}

const schedulerRuns = () => [results.scheduler, results.schedulerPostgres].filter(Boolean);
const ceilingRuns = () => [results.ceiling, results.ceilingPostgres].filter(Boolean);
const millionRuns = () => [results.million, results.millionPostgres].filter(Boolean);
// Each page beside the floor (the empty page in the same layout) of its preset, and where the main thread went.
const floorOf = (l, page) => l.pages[`/bench/floor ${page.split(" ")[1]}`];
const mainThreadCell = (r, label) => r.mainThread?.[label] ?? 0;
const lighthouseSection = (l) => `
## Lighthouse (issue 7)

Lighthouse ${lighthouseVersion} driving Chromium ${l.chromium}, signed in, each page audited ${l.runs} times, the pages in
turn; the run with the median performance score is shown, with every run's score beside it. **mobile** is
Lighthouse's default (a mid-range phone: 4× slower CPU and slow 4G, simulated from the trace of an unthrottled load);
**desktop** is its desktop preset. **floor** is \`/bench/floor\`: an empty page inside the same layout, audited in the
same run. Budgets: performance ≥ 95 (${yes(l.budgets["performance ≥ 95"])}), accessibility 100
(${yes(l.budgets["accessibility 100"])}), best practices ≥ 95 (${yes(l.budgets["best practices ≥ 95"])}).

| page | performance | floor | runs | accessibility | best practices | FCP | LCP | TBT (floor) | CLS |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${Object.entries(l.pages)
  .map(([page, r]) => {
    const floor = floorOf(l, page);
    return `| \`${page}\` | ${r.performance} | ${floor.performance} | ${r.performanceRuns.join(", ")} | ${r.accessibility} | ${r.bestPractices} | ${r.metrics.FCP} | ${r.metrics.LCP} | ${r.metrics.TBT} (${floor.metrics.TBT}) | ${r.metrics.CLS} |`;
  })
  .join("\n")}

Where the median run's main thread went, in ms of the simulated device, and its longest tasks:

| page | script evaluation | parse and compile | style and layout | rendering | HTML and CSS | other | longest tasks |
| --- | --- | --- | --- | --- | --- | --- | --- |
${Object.entries(l.pages)
  .map(
    ([page, r]) =>
      `| \`${page}\` | ${["Script Evaluation", "Script Parsing & Compilation", "Style & Layout", "Rendering", "Parse HTML & CSS", "Other"].map((label) => mainThreadCell(r, label)).join(" | ")} | ${r.longTasks?.join(", ") || "none"} |`,
  )
  .join("\n")}

What cost the median runs points:
${Object.entries(l.pages)
  .map(([page, r]) => `- \`${page}\`: ${r.weakAudits.join(", ") || "nothing"}`)
  .join("\n")}
`;
const weightSection = (w) => `
## Page weight (issue 7)

Compressed JavaScript downloaded on a cold load of each route (cache off, until the network is idle), counted by
Chromium through the DevTools protocol: response bodies as received, headers left out. A bare Next 16 page with React
19 downloads about 134 kB. The e2e suite fails any route over its budget (\`e2e/page-weight.spec.ts\`).

| route | kB | files | budget kB | |
| --- | --- | --- | --- | --- |
${Object.entries(w)
  .map(([route, r]) => `| \`${route}\` | ${r.kB} | ${r.files} | ${r.budgetKB} | ${yes(r.met)} |`)
  .join("\n")}
`;
/** The replies benchmark's figures as it printed them, kept beside the report. */
function writeRepliesJson() {
  const figures = {
    measuredAt: new Date().toISOString(),
    sqlite: results.replies,
    postgresql: results.repliesPostgres,
  };
  writeFileSync("e2e/perf/replies.json", `${JSON.stringify(figures, null, 2)}\n`);
}

if (only) {
  const sectionOf = {
    faults: () => faultsSection(results.faults),
    pageWeight: () => weightSection(results.pageWeight),
    lighthouse: () => lighthouseSection(results.lighthouse),
    quietHours: () => quietHoursSection(results.quietHours),
    scheduler: () => schedulerSection(schedulerRuns()),
    replies: () => repliesSection(results.replies, results.repliesPostgres),
    ceiling: () => ceilingSection(ceilingRuns()),
    send: () => sendSection(results.send),
    million: () => millionSection(millionRuns()),
  };
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  let updated = readFileSync("e2e/perf/REPORT.md", "utf8");
  for (const name of only) {
    const heading = `\n## ${PARTIAL[name]}`;
    const section = sectionOf[name]().replace(/\n\n/, `\n\nMeasured ${when} UTC, alone. `);
    const start = updated.indexOf(heading);
    const end = start === -1 ? -1 : updated.indexOf("\n## ", start + heading.length);
    updated =
      start === -1
        ? `${updated.trimEnd()}\n${section}`
        : `${updated.slice(0, start)}${section.trimEnd()}\n${end === -1 ? "" : updated.slice(end)}`;
  }
  writeFileSync("e2e/perf/REPORT.md", updated);
  if (only.includes("replies")) writeRepliesJson();
  console.log(updated);
  process.exit(0);
}

const h = results.history;
const table = (timings) =>
  Object.entries(timings)
    .map(([name, t]) => `| ${name} | ${t.p50} | ${t.p95} |`)
    .join("\n");
const report = `# Bellhop benchmarks

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()},
${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, against \`next start\` and
the embedded SQLite database. Client and server share the machine. Reproduce with \`npm run bench\`.

## History with ${h.rows.toLocaleString("en")} sends (issue 5)

${h.rows.toLocaleString("en")} sends over 90 days (every status and type, 6 templates, 3 channels, 5 senders), seeded in
${h.seedSeconds} s. Each view is asked ${h.warmUpPerView + h.samplesPerView} times over HTTP with a session cookie; the first ${h.warmUpPerView} are not counted.

**A filtered page** (\`GET /api/history?…\`, 50 rows): worst p95 **${h.historyPageWorstP95Ms} ms**, budget 50 ms: ${yes(h.budgets["history page p95 ≤ 50 ms"])}.

| view | p50 ms | p95 ms |
| --- | --- | --- |
${table(h.historyPage)}

**Counts per status** (\`GET /api/history/counts?…\`, fetched beside the page): worst p95 **${h.statusCountsWorstP95Ms} ms**.

| view | p50 ms | p95 ms |
| --- | --- | --- |
${table(h.statusCounts)}

**CSV export of every row** (\`GET /api/history/export\`): ${h.export.rowsWritten.toLocaleString("en")} rows,
${h.export.megabytes} MB, in **${h.export.seconds} s** (budget 5 s: ${yes(h.budgets["export ≤ 5 s"])}); the server's
memory went from ${h.export.serverRssBeforeMb} MB to a peak of ${h.export.serverRssPeakMb} MB, **+${h.export.serverRssGrowthMb} MB**
(budget < 100 MB: ${yes(h.budgets["export memory growth < 100 MB"])}).
`;
const b = results.broadcast;
const broadcastReport = `
## Broadcasts (issue 6)

**The wizard** with ${b.rows.toLocaleString("en")} rows (a CSV file chosen in Chromium): the report on screen
**${b.wizard.wallMs} ms** after the file was chosen (budget 2 s: ${yes(b.budgets["10,000 rows parsed and checked ≤ 2 s"])}).
In the worker, parsing took ${b.wizard.workerParseMs} ms and checking ${b.wizard.workerCheckMs} ms.

**Dispatch** of ${b.rows.toLocaleString("en")} rows at ${b.dispatch.configuredRate} a second against the stub with no
latency: ${b.dispatch.seconds} s, **${b.dispatch.measuredRate} a second** (${b.dispatch.deviationPercent}% off; budget
within 5%: ${yes(b.budgets["rate within 5%"])}). The stub counted ${b.dispatch.stubSends.toLocaleString("en")} sends,
${b.dispatch.numbersSentTwice} number(s) twice. Server memory: ${b.dispatch.serverRssIdleMb} MB idle, peak
${b.dispatch.serverRssPeakMb} MB, **+${b.dispatch.serverRssGrowthMb} MB** (budget < 150 MB: ${yes(b.budgets["memory growth < 150 MB"])}).

**kill -9** after 1,000 of ${b.killRestart.rows.toLocaleString("en")} rows, then a restart: ${JSON.stringify(b.killRestart.counts)};
${b.killRestart.accounted.toLocaleString("en")} of ${b.killRestart.rows.toLocaleString("en")} rows accounted for
(${yes(b.budgets["every row accounted for after kill -9"])}); the stub counted ${b.killRestart.stubSends.toLocaleString("en")}
sends and **${b.killRestart.numbersSentTwice} number(s) twice** (${yes(b.budgets["no number sent twice"])}).
`;
const hp = results.historyPostgres;
const postgresReport = `
## History on PostgreSQL (issue 8)

The same ${hp.rows.toLocaleString("en")} sends and views, with Bellhop on PostgreSQL (Debian's 15, same machine), seeded in ${hp.seedSeconds} s.
A filtered page: worst p95 **${hp.historyPageWorstP95Ms} ms** (budget 50 ms: ${yes(hp.budgets["history page p95 ≤ 50 ms"])}); counts per
status: worst p95 **${hp.statusCountsWorstP95Ms} ms**; CSV export of every row: **${hp.export.seconds} s**, +${hp.export.serverRssGrowthMb} MB
(budgets: ${yes(hp.budgets["export ≤ 5 s"])}, ${yes(hp.budgets["export memory growth < 100 MB"])}).

| view | page p50 ms | page p95 ms | counts p50 ms | counts p95 ms |
| --- | --- | --- | --- | --- |
${Object.entries(hp.historyPage)
  .map(
    ([name, t]) =>
      `| ${name} | ${t.p50} | ${t.p95} | ${hp.statusCounts[name]?.p50 ?? "–"} | ${hp.statusCounts[name]?.p95 ?? "–"} |`,
  )
  .join("\n")}
`;
const lighthouseReport = lighthouseSection(results.lighthouse);
const weightReport = weightSection(results.pageWeight);
const all =
  report +
  postgresReport +
  millionSection(millionRuns()) +
  weightReport +
  lighthouseReport +
  broadcastReport +
  sendSection(results.send) +
  faultsSection(results.faults) +
  quietHoursSection(results.quietHours) +
  schedulerSection(schedulerRuns()) +
  repliesSection(results.replies, results.repliesPostgres) +
  ceilingSection(ceilingRuns());
writeFileSync("e2e/perf/REPORT.md", all);
writeRepliesJson();
console.log(all);
