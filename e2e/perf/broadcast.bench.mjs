// Broadcasts at scale: 10,000 rows parsed and checked in the browser (budget 2 s); a 10,000-row broadcast at 100 a
// second against a zero-latency stub (budget: the rate within 5%, server memory growth under 150 MB); and kill -9 in
// the middle of a broadcast, then a restart (budget: every row accounted for, no number sent twice). Prints JSON.
import {
  launchChromium,
  removeDatabase,
  rssMb,
  signIn,
  sleep,
  startBellhop as startBenchBellhop,
  startStub,
  waitFor,
} from "./bench-support.mjs";

const STUB_PORT = 4090;
const PORT = 3192;
const BASE = `http://127.0.0.1:${PORT}`;
const STUB = `http://127.0.0.1:${STUB_PORT}`;
const TOKEN = "bench-stub-token";
const DB_FILE = "data/bench-broadcast.db";
const ROWS = Number(process.env.BENCH_BROADCAST_ROWS ?? 10_000);
const RATE = 100;

function startBellhop() {
  return startBenchBellhop({
    port: PORT,
    databaseFile: DB_FILE,
    env: {
      CALLBELL_API_URL: `${STUB}/v1`,
      CALLBELL_API_TOKEN: TOKEN,
      // The poller would add its own calls to the stub; this run measures dispatch alone.
      BELLHOP_POLL_PER_MINUTE: "1",
    },
  });
}

async function kill9(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

const csvOf = (prefix, count) =>
  [
    "phone,name",
    ...Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, "0")},Customer ${i}`),
  ].join("\n");

async function progressOf(page, id) {
  const response = await page.request.get(`${BASE}/api/broadcasts/${id}`);
  return response.json();
}

/** The wizard, as an agent uses it; returns the ms from choosing the file to the report on screen. */
async function startBroadcast(page, csv, count) {
  await page.goto(`${BASE}/broadcasts/new`);
  await page.getByLabel("Template", { exact: true }).fill("Order ready");
  await page.getByRole("option", { name: /^Order ready/ }).click();
  await page.getByLabel("Sends per second").fill(String(RATE));
  const started = Date.now();
  await page
    .getByLabel("Recipients file")
    .setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page
    .getByRole("list", { name: "Report summary" })
    .getByText(`${count.toLocaleString("en")} recipients ready`)
    .waitFor({ timeout: 30_000 });
  const wallMs = Date.now() - started;
  const readText = await page
    .getByRole("status")
    .filter({ hasText: /^Read / })
    .innerText();
  const checkedText = await page.getByText(/^Checked .* in \d+ ms$/).innerText();
  await page.getByLabel("Every recipient opted in to receive this template").check();
  if (count > 100) await page.getByLabel("Type the number of recipients").fill(String(count));
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await page.waitForURL(/\/broadcasts\/\d+$/, { timeout: 60_000 });
  return {
    id: Number(page.url().split("/").pop()),
    wallMs,
    workerParseMs: Number(/in (\d+) ms/.exec(readText)?.[1]),
    workerCheckMs: Number(/in (\d+) ms/.exec(checkedText)?.[1]),
  };
}

async function sendsByNumber(prefix) {
  const requests = await (await fetch(`${STUB}/__control/requests`)).json();
  const seen = new Map();
  for (const request of requests) {
    const to = request.body?.to;
    if (request.path === "/v1/messages/send" && to?.startsWith(prefix)) seen.set(to, (seen.get(to) ?? 0) + 1);
  }
  return seen;
}

async function main() {
  removeDatabase(DB_FILE);
  const stub = startStub(STUB_PORT, TOKEN);
  let server = startBellhop();
  const browser = await launchChromium();
  try {
    await waitFor(`${STUB}/__control/health`);
    await waitFor(`${BASE}/api/health`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, BASE);

    // 1 and 2: the wizard with 10,000 rows, then the paced dispatch.
    const rssIdle = rssMb(server.pid);
    const run = await startBroadcast(page, csvOf("+3161", ROWS), ROWS);
    let rssPeak = rssMb(server.pid);
    let firstDoneAt = null;
    let lastDoneAt = null;
    let firstDone = 0;
    for (;;) {
      const progress = await progressOf(page, run.id);
      rssPeak = Math.max(rssPeak, rssMb(server.pid));
      if (firstDoneAt === null && progress.done > 0) {
        firstDoneAt = Date.now();
        firstDone = progress.done;
      }
      if (progress.state !== "running") {
        lastDoneAt = Date.now();
        break;
      }
      await sleep(250);
    }
    const seconds = (lastDoneAt - firstDoneAt) / 1000;
    const measuredRate = (ROWS - firstDone) / seconds;
    const dispatchSends = await sendsByNumber("+3161");

    // 3: kill -9 in the middle, then a restart.
    const killRows = 3_000;
    const killRun = await startBroadcast(page, csvOf("+3162", killRows), killRows);
    for (;;) {
      if ((await progressOf(page, killRun.id)).done >= 1_000) break;
      await sleep(100);
    }
    await kill9(server);
    server = startBellhop();
    await waitFor(`${BASE}/api/health`);
    let after;
    for (;;) {
      after = await progressOf(page, killRun.id);
      if (after.state !== "running") break;
      await sleep(500);
    }
    const killSends = await sendsByNumber("+3162");
    const twice = [...killSends.values()].filter((times) => times > 1).length;
    const accounted = (after.counts.enqueued ?? 0) + (after.counts.failed ?? 0) + (after.counts.unknown ?? 0);

    const result = {
      rows: ROWS,
      wizard: { wallMs: run.wallMs, workerParseMs: run.workerParseMs, workerCheckMs: run.workerCheckMs },
      dispatch: {
        configuredRate: RATE,
        seconds: Number(seconds.toFixed(1)),
        measuredRate: Number(measuredRate.toFixed(2)),
        deviationPercent: Number((((measuredRate - RATE) / RATE) * 100).toFixed(2)),
        stubSends: [...dispatchSends.values()].reduce((a, b) => a + b, 0),
        numbersSentTwice: [...dispatchSends.values()].filter((times) => times > 1).length,
        serverRssIdleMb: Math.round(rssIdle),
        serverRssPeakMb: Math.round(rssPeak),
        serverRssGrowthMb: Math.round(rssPeak - rssIdle),
      },
      killRestart: {
        rows: killRows,
        counts: after.counts,
        accounted,
        stubSends: [...killSends.values()].reduce((a, b) => a + b, 0),
        numbersSentTwice: twice,
      },
      budgets: {
        "10,000 rows parsed and checked ≤ 2 s": run.wallMs <= 2000,
        "rate within 5%": Math.abs(measuredRate - RATE) / RATE <= 0.05,
        "memory growth < 150 MB": rssPeak - rssIdle < 150,
        "every row accounted for after kill -9": accounted === killRows,
        "no number sent twice": twice === 0 && [...dispatchSends.values()].every((times) => times === 1),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    await context.close();
  } finally {
    await browser.close();
    await kill9(server);
    await kill9(stub);
    removeDatabase(DB_FILE);
  }
}

await main();
