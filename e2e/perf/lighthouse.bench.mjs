// Lighthouse (the `lighthouse` package driving Debian's Chromium) on /compose and /history, signed in, with its
// default mobile settings (a mid-range phone: 4× slower CPU, slow 4G, simulated) and its desktop preset. Each page
// is audited several times and the run with the median performance score is reported, as Lighthouse advises: on two
// shared cores one run swings by 10 points. Budgets: performance ≥ 95, accessibility 100, best practices ≥ 95.
// Beside them the floor: `/bench/floor`, an empty page in the same layout, audited in turn with the pages (so that the
// machine's noise falls on all alike), and where each median run's main thread went. Prints JSON.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium.mjs";
import {
  launchChromium,
  removeDatabase,
  sendOneText,
  signIn,
  startBellhop,
  waitFor,
} from "./bench-support.mjs";

// Not 3194, the send bench's: a server one of them left behind would stop the other.
const PORT = 3191;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/bench-lighthouse.db";
const FLOOR = "/bench/floor";
const ROUTES = ["/compose", "/history", FLOOR];
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const PRESETS = { mobile: undefined, desktop: desktopConfig };
const METRICS = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS",
  "speed-index": "SI",
};
const score = (category) => Math.round(category.score * 100);
const shortUrl = (url) => (url.startsWith("http") ? new URL(url).pathname.split("/").pop() || url : url);

/** One audit; a run Lighthouse reports as broken (it happens: NO_NAVSTART) is run again, twice at most. */
async function audit(url, port, cookie, config) {
  for (let attempt = 0; ; attempt += 1) {
    const { lhr } = await lighthouse(
      url,
      {
        port,
        logLevel: "error",
        extraHeaders: { Cookie: cookie },
        onlyCategories: ["performance", "accessibility", "best-practices"],
      },
      config,
    );
    if (lhr.finalDisplayedUrl !== url)
      throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: not signed in?`);
    if (!lhr.runtimeError) return lhr;
    if (attempt === 2) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  }
}

function summary(runs) {
  const byScore = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  const median = byScore[Math.floor(byScore.length / 2)];
  const performance = runs.map((lhr) => score(lhr.categories.performance));
  return {
    performance: score(median.categories.performance),
    performanceRuns: performance,
    // The worst run for the other two: they do not depend on timing, so they should never vary.
    accessibility: Math.min(...runs.map((lhr) => score(lhr.categories.accessibility))),
    bestPractices: Math.min(...runs.map((lhr) => score(lhr.categories["best-practices"]))),
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([id, name]) => [name, median.audits[id].displayValue]),
    ),
    tbtMs: Math.round(median.audits["total-blocking-time"].numericValue),
    // Where the median run's main thread went (Lighthouse's groups, in its simulated phone's time), and its longest
    // tasks: what the blocking time is made of.
    mainThread: Object.fromEntries(
      (median.audits["mainthread-work-breakdown"].details?.items ?? []).map((item) => [
        item.groupLabel,
        Math.round(item.duration),
      ]),
    ),
    longTasks: (median.audits["long-tasks"].details?.items ?? [])
      .slice(0, 5)
      .map((task) => `${Math.round(task.duration)} ms ${shortUrl(task.url)}`),
    // What cost the median run points, for the note on why a budget is missed.
    weakAudits: Object.values(median.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          ["numeric", "binary", "metricSavings"].includes(a.scoreDisplayMode),
      )
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`),
  };
}

async function main() {
  removeDatabase(DB_FILE);
  const server = startBellhop({ port: PORT, databaseFile: DB_FILE, env: { BELLHOP_BENCH_PAGES: "1" } });
  let chrome;
  try {
    await waitFor(`${BASE}/api/health`);
    // Signed in through the form, with one send so the history has a row; Lighthouse's own Chromium then carries
    // the session cookie on every request. Each page is loaded once first, so the server has compiled its route.
    const browser = await launchChromium();
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await signIn(page, BASE);
    await sendOneText(page);
    for (const route of ROUTES) await page.goto(route, { waitUntil: "networkidle" });
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await browser.close();

    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
    });
    const result = { runs: RUNS, chromium: "", pages: {} };
    for (const [preset, config] of Object.entries(PRESETS)) {
      const runs = Object.fromEntries(ROUTES.map((route) => [route, []]));
      for (let i = 0; i < RUNS; i += 1) {
        for (const route of ROUTES)
          runs[route].push(await audit(`${BASE}${route}`, chrome.port, cookie, config));
      }
      result.chromium = runs[FLOOR][0].environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "";
      for (const route of ROUTES) result.pages[`${route} ${preset}`] = summary(runs[route]);
    }
    // The budgets are the pages'; the floor is what they are read against.
    const pages = Object.entries(result.pages)
      .filter(([page]) => !page.startsWith(FLOOR))
      .map(([, page]) => page);
    result.budgets = {
      "performance ≥ 95": pages.every((p) => p.performance >= 95),
      "accessibility 100": pages.every((p) => p.accessibility === 100),
      "best practices ≥ 95": pages.every((p) => p.bestPractices >= 95),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await chrome?.kill();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    removeDatabase(DB_FILE);
  }
}

await main();
