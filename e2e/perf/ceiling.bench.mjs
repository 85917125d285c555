// Broadcasts at Callbell's ceiling (issue 23): a 20,000-row broadcast at 300 sends a second (Callbell's limit per
// account) against a stub that answers each send in 50 ms, started in the wizard as an agent would. On one instance
// (the embedded SQLite database), or with BENCH_POSTGRES_URL=postgres://user:password@host:port on a PostgreSQL database
// of its own, with BENCH_INSTANCES=2 across two instances dispatching it together. Budgets: the pace held within 5%,
// server memory growth under 150 MB per instance, no number sent twice. Reports the CPU each send cost the server(s).
// When the pace is not held, lower paces follow (BENCH_CEILING_SWEEP, 15 s of rows each): the highest held within 5%.
// BENCH_CEILING_ROWS and BENCH_CEILING_RATE change the size and the pace. Prints one JSON object.
import { readFileSync } from "node:fs";
import {
  freshPostgres,
  launchChromium,
  removeDatabase,
  rssMb,
  signIn,
  sleep,
  startBellhop,
  startStub,
  stopProcess,
  waitFor,
} from "./bench-support.mjs";

const ROWS = Number(process.env.BENCH_CEILING_ROWS ?? 20_000);
const RATE = Number(process.env.BENCH_CEILING_RATE ?? 300);
const LATENCY_MS = 50;
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const STUB_PORT = 4094;
const PORTS = [3188, 3189];
const STUB = `http://127.0.0.1:${STUB_PORT}`;
const TOKEN = "bench-stub-token";
const DB_FILE = "data/bench-ceiling.db";
const POSTGRES = process.env.BENCH_POSTGRES_URL?.replace(/\/+$/, "");
const PG_URL = POSTGRES && `${POSTGRES}/bellhop_bench_ceiling`;
const PREFIX = "+3163";
const SWEEP = (process.env.BENCH_CEILING_SWEEP ?? "250,200,150,100,75,50")
  .split(",")
  .filter(Boolean)
  .map(Number);

if (INSTANCES > 1 && !PG_URL)
  throw new Error("Two instances share a PostgreSQL database: set BENCH_POSTGRES_URL");

/** CPU time (user + system) a process has used, in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function start(port) {
  return startBellhop({
    port,
    databaseFile: DB_FILE,
    env: {
      CALLBELL_API_URL: `${STUB}/v1`,
      CALLBELL_API_TOKEN: TOKEN,
      // The poller would add its own calls to the stub; this run measures dispatch alone.
      BELLHOP_POLL_PER_MINUTE: "1",
      ...(PG_URL
        ? { DATABASE_URL: PG_URL, BELLHOP_SECRET: "bench-secret-shared-by-every-instance-0123456789" }
        : {}),
    },
  });
}

/** `rows` numbers, each run's own (`run` is its digit after the prefix). */
const csvOf = (run, rows) =>
  [
    "phone,name",
    ...Array.from({ length: rows }, (_, i) => `${PREFIX}${run}${String(i).padStart(6, "0")},Customer ${i}`),
  ].join("\n");

/** The wizard, as an agent uses it; returns the broadcast's id. */
async function startBroadcast(page, base, run, rows, rate) {
  await page.goto(`${base}/broadcasts/new`);
  await page.getByLabel("Template", { exact: true }).fill("Order ready");
  await page.getByRole("option", { name: /^Order ready/ }).click();
  await page.getByLabel("Sends per second").fill(String(rate));
  await page
    .getByLabel("Recipients file")
    .setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf(run, rows)) });
  await page
    .getByRole("list", { name: "Report summary" })
    .getByText(`${rows.toLocaleString("en")} recipients ready`)
    .waitFor({ timeout: 60_000 });
  await page.getByLabel("Every recipient opted in to receive this template").check();
  if (rows > 100) await page.getByLabel("Type the number of recipients").fill(String(rows));
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await page.waitForURL(/\/broadcasts\/\d+$/, { timeout: 60_000 });
  return Number(page.url().split("/").pop());
}

const round = (value, digits = 1) => Number(value.toFixed(digits));

async function main() {
  if (PG_URL) await freshPostgres(POSTGRES, "bellhop_bench_ceiling");
  else removeDatabase(DB_FILE);
  const stub = startStub(STUB_PORT, TOKEN);
  // One at a time: two first starts on one fresh database would both migrate it.
  const servers = [];
  for (const port of PORTS.slice(0, INSTANCES)) {
    servers.push(start(port));
    await waitFor(`http://127.0.0.1:${port}/api/health`);
  }
  const browser = await launchChromium();
  try {
    await waitFor(`${STUB}/__control/health`);
    await fetch(`${STUB}/__control/latency`, {
      method: "POST",
      body: JSON.stringify({ prefix: PREFIX, ms: LATENCY_MS }),
    });
    const base = `http://127.0.0.1:${PORTS[0]}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base);
    await sleep(2_000);
    const main = await measure(servers, page, base, 1, ROWS, RATE);
    const sweep = [];
    if (!main.budgets["pace within 5%"]) {
      for (const [index, rate] of SWEEP.filter((rate) => rate < RATE).entries()) {
        const run = await measure(servers, page, base, index + 2, rate * 15, rate);
        sweep.push(run);
        if (run.budgets["pace within 5%"]) break;
      }
    }
    const held = [main, ...sweep].find((run) => run.budgets["pace within 5%"]);
    console.log(
      JSON.stringify(
        {
          database: PG_URL ? "postgresql" : "sqlite",
          instances: INSTANCES,
          stubLatencyMs: LATENCY_MS,
          ...main,
          sweep,
          highestPaceHeld: held?.configuredRate ?? null,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    for (const server of servers) await stopProcess(server);
    await stopProcess(stub);
    if (!PG_URL) removeDatabase(DB_FILE);
  }
}

/** The sends the stub has had to a run's numbers. */
async function sentTo(prefix) {
  const url = `${STUB}/__control/requests?prefix=${encodeURIComponent(prefix)}`;
  const requests = await (await fetch(url)).json();
  return requests.filter((request) => request.path === "/v1/messages/send");
}

/**
 * One broadcast of `rows` at `rate`, started in the wizard: the pace the stub saw (from its first request to its
 * last), its busiest and quietest whole second, numbers sent twice, the servers' CPU per send and memory growth.
 */
async function measure(servers, page, base, run, rows, rate) {
  const prefix = `${PREFIX}${run}`;
  const idle = servers.map((server) => rssMb(server.pid));
  const peak = [...idle];
  const cpuBefore = servers.map((server) => cpuMs(server.pid));
  const id = await startBroadcast(page, base, run, rows, rate);
  // Progress read from the stub's count: the browser and the server are left alone. A run that stalls ends at
  // three times its planned length, and says what it sent.
  const deadline = Date.now() + (rows / rate) * 3_000 + 60_000;
  while (Date.now() < deadline) {
    servers.forEach((server, index) => (peak[index] = Math.max(peak[index], rssMb(server.pid))));
    const url = `${STUB}/__control/requests?prefix=${encodeURIComponent(prefix)}&count=1`;
    if ((await (await fetch(url)).json()).count >= rows) break;
    await sleep(500);
  }
  // The last answers and their records.
  await sleep(2_000);
  const cpu = servers.map((server, index) => cpuMs(server.pid) - cpuBefore[index]);
  const sends = await sentTo(prefix);
  const times = sends.map((request) => request.at).sort((a, b) => a - b);
  const perNumber = new Map();
  for (const request of sends) perNumber.set(request.body.to, (perNumber.get(request.body.to) ?? 0) + 1);
  const seconds = (times.at(-1) - times[0]) / 1000;
  const measuredRate = (times.length - 1) / seconds;
  const perSecond = new Map();
  for (const at of times) {
    const second = Math.floor((at - times[0]) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const full = [...perSecond.entries()].filter(([second]) => second < Math.floor(seconds));
  const twice = [...perNumber.values()].filter((count) => count > 1).length;
  const growth = servers.map((_, index) => Math.round(peak[index] - idle[index]));
  return {
    broadcast: id,
    rows,
    configuredRate: rate,
    stubSends: times.length,
    seconds: round(seconds),
    measuredRate: round(measuredRate),
    deviationPercent: round(((measuredRate - rate) / rate) * 100, 2),
    busiestSecond: Math.max(...full.map(([, count]) => count)),
    quietestSecond: Math.min(...full.map(([, count]) => count)),
    // Each whole second's count, from the first send: where a run fell behind (a start, a stall, the end).
    perSecond: full.map(([, count]) => count),
    numbersSentTwice: twice,
    cpuMsPerSend: round(cpu.reduce((a, b) => a + b, 0) / times.length, 2),
    cpuShareOfOneCore: cpu.map((ms) => round(ms / 1000 / seconds, 2)),
    serverRssIdleMb: idle.map(Math.round),
    serverRssPeakMb: peak.map(Math.round),
    serverRssGrowthMb: growth,
    budgets: {
      "pace within 5%": Math.abs(measuredRate - rate) / rate <= 0.05,
      "memory growth < 150 MB per instance": growth.every((mb) => mb < 150),
      "no number sent twice": twice === 0 && times.length === rows,
    },
  };
}

await main();
