// `npm run bench`: builds nothing itself (the npm script builds first), runs each benchmark in its own process, and
// writes e2e/perf/REPORT.md with the figures, the machine and the date. Budgets are goals reported here, never timed
// assertions in the test suite.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

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

const faultsSection = (f) => `
## Broadcasts under faults (issue 20)

The e2e fault suite (\`e2e/faults.spec.ts\`, \`restart.spec.ts\`, \`instances.spec.ts\`) against a stub that records
every request: a claim left by a killed instance with no send record, \`kill -9\` and a restart at 100 a second, one of
two instances killed at 100 a second (PostgreSQL), and 40 answers of 429 to a 50-row broadcast at 10 a second. Rules: 0 duplicates, \`unknown\` only
for a row whose request may have left, at most the pace + 1 in any one second, the end within 15 s of the last 429.
Every case passed: ${f.passed ? "yes" : "**no**"}.

| case | sends | recipients | duplicates | unknown with / without a request | busiest second (pace) | |
| --- | --- | --- | --- | --- | --- | --- |
${f.cases
  .map(
    (c) =>
      `| ${c.label} | ${c.sends} | ${c.recipients} | ${c.duplicates} | ${c.unknownWithRequest} / ${c.unknownWithoutRequest} (${c.unknownWithoutRecord ?? "–"} without a record) | ${c.maxPerSecond} (${c.pace}) | ${c.extra.replace(/^[;,]\s*/, "")} |`,
  )
  .join("\n")}
`;

const yes = (ok) => (ok ? "met" : "**missed**");
const quietHoursSection = (q) => `
## Sending hours (issue 22)

\`e2e/perf/quiet-hours.bench.mjs\`, in real time against a zero-latency stub that records when each request arrives: a
${q.rows.toLocaleString("en")}-row broadcast at ${q.rate} a second, confirmed in the wizard with sending hours that open 10 s later
and close ${q.firstWindowSeconds} s after that, mid-run; then, as the next day would, the hours open again (written to
the database) and it finishes. The same rule over several virtual days, each row once: \`lib/broadcasts/sending-hours-dispatch.test.ts\`.

| figure | value | rule |
| --- | --- | --- |
| sent in the first hours | ${q.sentInFirstWindow} | |
| sent while closed (6 s watched) | ${q.sentWhileClosed} | 0: ${yes(q.budgets["nothing sent while closed"])} |
| page said when it resumes | ${q.waitingUntilShown ? "yes" : "no"} | |
| sent in the second hours | ${q.sentInSecondWindow} | |
| requests outside the hours | ${q.requestsOutsideHours} | 0: ${yes(q.budgets["no request outside the hours"])} |
| numbers sent twice | ${q.numbersSentTwice} | 0: ${yes(q.budgets["no number twice"])} |
| requests in all / final state | ${q.stubSends} / ${q.finalState} | every row once: ${yes(q.budgets["every row sent once"])} |
| first send after the hours opened / reopened | ${q.firstSendAfterOpeningMs} ms / ${q.firstSendAfterReopeningMs} ms | |
| last send before they closed | ${q.lastSendBeforeClosingMs} ms before | |
| busiest second, first / second hours | ${q.busiestSecondFirstWindow} / ${q.busiestSecondSecondWindow} | ≤ pace + 1: ${yes(q.budgets["at most the pace + 1 in any second"])} |
`;
const schedulerSection = (runs) => `
## Messages sent later (issue 22)

${runs[0].count.toLocaleString("en")} compose texts scheduled for the same instant (through the send-later use-case,
\`e2e/perf/scheduler-seed.task.ts\`), fired by \`next start\` with \`BELLHOP_SCHEDULE_RATE=${runs[0].firing.pace}\`
against a stub that records every request (each message also looks its contact up first: the 24-hour window).
Budgets: the first request within 5 s of its time, at most the pace + 1 in any one second, no number sent twice, and
while nothing is due at most one database read a tick (a second), counted at the driver by the real scheduler
(\`scheduler-idle.task.ts\`) on the database the run left.

| database | first request after its time | busiest second (pace) | sent twice | all sent after | rate | statuses | idle reads a tick (a second) | idle read p50 / p95 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${runs
  .map(
    (r) =>
      `| ${r.database} | ${(r.firing.firstAfterDueMs / 1000).toFixed(1)} s | ${r.firing.busiestSecond} (${r.firing.pace}) | ${r.firing.numbersSentTwice} of ${r.firing.stubSends.toLocaleString("en")} requests, ${r.firing.distinctCallbellUuids.toLocaleString("en")} uuids | ${r.firing.allSeconds} s | ${r.firing.measuredRate} a second | ${Object.entries(
        r.firing.statuses,
      )
        .map(([status, n]) => `${status} ${n.toLocaleString("en")}`)
        .join(
          ", ",
        )} | ${r.idle.perTick} (${r.idle.perSecond}) | ${r.idle.readP50Ms} / ${r.idle.readP95Ms} ms |`,
  )
  .join("\n")}

Budgets: ${runs
  .map((r) =>
    Object.entries(r.budgets)
      .map(([budget, ok]) => `${budget} (${r.database}): ${yes(ok)}`)
      .join("; "),
  )
  .join("; ")}.
`;
const schedulerRuns = () => [results.scheduler, results.schedulerPostgres].filter(Boolean);
const repliesRow = (r) =>
  `| ${r.database} | ${r.measuredRate} | ${Object.entries(r.answers)
    .map(([code, n]) => `${n} × ${code}`)
    .join(
      ", ",
    )} | ${r.recorded.toLocaleString("en")} | ${r.linked.toLocaleString("en")} | ${r.answerMs.p50} | ${r.answerMs.p95} | ${r.answerMs.p99} | ${r.answerMs.max} | ${yes(r.budgets["every event recorded"])} | ${yes(r.budgets["p95 answer ≤ 50 ms"])} |`;
const sweepRows = (r) =>
  r.sweep.map(
    (s) =>
      `| ${r.database} | ${s.measuredRate}${s.ok === r.sweepEvents ? "" : ` (${s.ok} answered 200)`} | ${s.answerMs.p50} | ${s.answerMs.p95} | ${s.answerMs.p99} | ${s.answerMs.max} |`,
  );
const repliesSection = (sqlite, postgres) => `
## Replies (issue 22)

${sqlite.events.toLocaleString("en")} \`message_created\` events from customers (\`status: "received"\`), posted to the
webhook at ${sqlite.configuredRate} a second by one keep-alive HTTP client (at most 64 connections; each post leaves at
its time, whatever the answers before it), against ${sqlite.historySends.toLocaleString("en")} sends, half the customers
with a send to link to (\`e2e/perf/replies.bench.mjs\`; the figures as printed are in \`e2e/perf/replies.json\`). An
answer's time runs from the post to the end of Bellhop's answer (a post whose kept-alive connection the server had just
closed is posted again, timed from the first: ${[sqlite, postgres]
  .filter(Boolean)
  .map((r) => `${r.resentAfterAFailedConnection} on ${r.database}`)
  .join(", ")}). Then ${sqlite.sweepEvents.toLocaleString("en")} more
at each higher rate, to see how far past it the budget holds. The webhook is answered in the edge's lane, past
Next's routing (\`lib/security/lane.mjs\`, docs/architecture.md "Replies"). Budgets: every event recorded (rows counted in the database
afterwards), p95 ≤ 50 ms.

| database | posted a second | answers | recorded | linked | p50 ms | p95 ms | p99 ms | max ms | every event recorded | p95 ≤ 50 ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${[sqlite, postgres].filter(Boolean).map(repliesRow).join("\n")}

Higher rates (all answered 200 unless said):

| database | posted a second | p50 ms | p95 ms | p99 ms | max ms |
| --- | --- | --- | --- | --- | --- |
${[sqlite, postgres].filter(Boolean).flatMap(sweepRows).join("\n")}
`;
const ceilingRow = (r) =>
  `| ${r.database} | ${r.instances} | ${r.rows.toLocaleString("en")} | ${r.configuredRate} | ${r.measuredRate} (${r.deviationPercent} %) | ${r.busiestSecond} / ${r.quietestSecond} | ${r.numbersSentTwice} | ${r.cpuMsPerSend} ms | ${r.cpuShareOfOneCore.join(" + ")} | ${r.serverRssGrowthMb.join(" + ")} | ${yes(r.budgets["pace within 5%"])} |`;
const ceilingSection = (runs) => `
## Broadcasts at Callbell's ceiling (issue 23)

A ${runs[0].rows.toLocaleString("en")}-row broadcast at ${runs[0].configuredRate} a second (Callbell's limit per account), started in the wizard, against a
stub that answers each send in ${runs[0].stubLatencyMs} ms (\`e2e/perf/ceiling.bench.mjs\`): on one instance (SQLite), then on two
instances dispatching it together (PostgreSQL). The pace is the stub's: its requests from the first to the last. When
the pace is not held, lower ones follow, 15 s of rows each, until one is held within 5%. CPU is the servers' (user and
system) over the run, per send; the stub and the browser share the same 2 cores. Budgets: the pace within 5%, memory
growth < 150 MB per instance, no number sent twice. Where the time goes: [development](../../docs/development.md#what-moved-the-figures).

| database | instances | rows | pace asked | pace held (off by) | busiest / quietest second | sent twice | CPU per send | CPU, share of a core | memory growth MB | within 5% |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${runs
  .flatMap((r) => [r, ...r.sweep.map((s) => ({ ...s, database: r.database, instances: r.instances }))])
  .map(ceilingRow)
  .join("\n")}

Highest pace held within 5%: ${runs.map((r) => `${r.database} (${r.instances} ${r.instances === 1 ? "instance" : "instances"}) ${r.highestPaceHeld ?? "none of those tried"}`).join("; ")}.
Memory growth under 150 MB and no number sent twice: ${yes(runs.every((r) => [r, ...r.sweep].every((x) => x.budgets["memory growth < 150 MB per instance"] && x.budgets["no number sent twice"])))}.
`;
const ceilingRuns = () => [results.ceiling, results.ceilingPostgres].filter(Boolean);
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
const sd = results.send;
const sendReport = `
## Send overhead, start and memory (issue 7)

**Start**: \`next start\` to its first 200 (a new database, created and migrated) in **${sd.start.ms} ms** (budget 2 s:
${yes(sd.budgets["start to first 200 ≤ 2 s"])}); ${sd.start.serverRssIdleMb} MB idle.

**${sd.sends.count} sends** through the compose page's server action (Chromium, one after another) against a stub that
takes ${sd.sends.stubMs} ms for each: Bellhop answered in p50 ${sd.sends.totalP50Ms} ms, p95 ${sd.sends.totalP95Ms} ms
(request sent to the response's first byte). **Bellhop's own time** (that, minus the stub's ${sd.sends.stubMs} ms): p50
${sd.sends.ownP50Ms} ms, **p95 ${sd.sends.ownP95Ms} ms** (budget 15 ms: ${yes(sd.budgets["send overhead p95 ≤ 15 ms"])}).
The same number of requests straight to the stub: p50 ${sd.sends.directP50Ms} ms, p95 ${sd.sends.directP95Ms} ms; all
sends through Bellhop took **${sd.sends.ratio} times** as long as the direct ones (${sd.sends.totalSeconds} s against
${sd.sends.directSeconds} s).

**Memory**: ${sd.start.serverRssIdleMb} MB idle, ${sd.memory.serverRssAfterMb} MB after ${sd.memory.afterSends.toLocaleString("en")} sends
(+${sd.memory.growthMb} MB).
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
  weightReport +
  lighthouseReport +
  broadcastReport +
  sendReport +
  faultsSection(results.faults) +
  quietHoursSection(results.quietHours) +
  schedulerSection(schedulerRuns()) +
  repliesSection(results.replies, results.repliesPostgres) +
  ceilingSection(ceilingRuns());
writeFileSync("e2e/perf/REPORT.md", all);
writeRepliesJson();
console.log(all);
