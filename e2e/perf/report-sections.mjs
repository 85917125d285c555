// REPORT.md's sections for the benchmarks that `BENCH_ONLY` can run alone (run.mjs), each a function of its figures.
export const faultsSection = (f) => `
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

export const yes = (ok) => (ok ? "met" : "**missed**");
export const quietHoursSection = (q) => `
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
export const schedulerSection = (runs) => `
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
export const repliesSection = (sqlite, postgres) => `
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
export const ceilingSection = (runs) => `
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

/** The send bench's section. */
export function sendSection(sd) {
  return `
## Send overhead, start and memory (issue 7)

**Start**: \`next start\` to its first 200 (a new database, created and migrated) in **${sd.start.ms} ms** (budget 2 s:
${yes(sd.budgets["start to first 200 ≤ 2 s"])}); ${sd.start.serverRssIdleMb} MB idle.

**${sd.sends.count} sends** through the compose page's server action (Chromium, one after another) against a stub that
takes ${sd.sends.stubMs} ms for each: Bellhop answered in p50 ${sd.sends.totalP50Ms} ms, p95 ${sd.sends.totalP95Ms} ms
(request sent to the response's first byte). **Bellhop's own time** (that, minus the stub's ${sd.sends.stubMs} ms): p50
${sd.sends.ownP50Ms} ms, **p95 ${sd.sends.ownP95Ms} ms** (budget 15 ms: ${yes(sd.budgets["send overhead p95 ≤ 15 ms"])}).
**Next's own floor**, an empty server action that only waits ${sd.sends.stubMs} ms (\`/bench/action\`), called right after
each send in a second window: its own time p50 ${sd.sends.emptyActionOwnP50Ms} ms, p95 ${sd.sends.emptyActionOwnP95Ms} ms.
Bellhop's p95 is **${sd.sends.ownAboveEmptyP95Ms} ms above it** (issue 23's budget 5 ms:
${yes(sd.budgets["own p95 ≤ the empty action's + 5 ms"])}). The same number of requests straight to the stub: p50 ${sd.sends.directP50Ms} ms, p95 ${sd.sends.directP95Ms} ms; all
sends through Bellhop took **${sd.sends.ratio} times** as long as the direct ones (${sd.sends.totalSeconds} s against
${sd.sends.directSeconds} s).

**Memory**: ${sd.start.serverRssIdleMb} MB idle, ${sd.memory.serverRssAfterMb} MB after ${sd.memory.afterSends.toLocaleString("en")} sends
(+${sd.memory.growthMb} MB).
`;
}
