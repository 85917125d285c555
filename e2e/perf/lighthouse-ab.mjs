// Two builds compared on one page, Lighthouse's mobile audit alternating between them (A, B, A, B, …), so that the
// machine's noise falls on both alike: one run here swings by 10 points, more than most changes move.
//   node e2e/perf/lighthouse-ab.mjs <folder of build A> <folder of build B> [route] [runs]
// Each folder is a checkout with its own `next build` (.next) and this one's node_modules. Prints JSON: each build's
// scores and blocking times in run order, and their medians.
import { spawn } from "node:child_process";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium.mjs";
import { NEXT_START_ARGS } from "../next-start.mjs";
import {
  BENCH_ADMIN,
  launchChromium,
  removeDatabase,
  sendOneText,
  signIn,
  waitFor,
} from "./bench-support.mjs";

const [dirA, dirB, route = "/compose", runsArg = "8"] = process.argv.slice(2);
if (!dirA || !dirB)
  throw new Error("usage: lighthouse-ab.mjs <build A folder> <build B folder> [route] [runs]");
const RUNS = Number(runsArg);
const BUILDS = [
  { name: "A", dir: dirA, port: 3196 },
  { name: "B", dir: dirB, port: 3197 },
];
const DB_FILE = "data/bench-lighthouse-ab.db";
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function start({ dir, port }) {
  removeDatabase(`${dir}/${DB_FILE}`);
  return spawn(process.execPath, [...NEXT_START_ARGS, "-p", String(port)], {
    cwd: dir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      CALLBELL_API_TOKEN: "",
      DATABASE_URL: `file:./${DB_FILE}`,
      BELLHOP_ADMIN_EMAIL: BENCH_ADMIN.email,
      BELLHOP_ADMIN_PASSWORD: BENCH_ADMIN.password,
      BELLHOP_BENCH_PAGES: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Signed in with one send, so the history has a row; the route loaded once so the server has it ready. */
async function sessionCookie(base) {
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signIn(page, base);
  await sendOneText(page);
  await page.goto(route, { waitUntil: "networkidle" });
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();
  return cookie;
}

const servers = BUILDS.map(start);
let chrome;
try {
  for (const build of BUILDS) {
    const base = `http://127.0.0.1:${build.port}`;
    await waitFor(`${base}/api/health`);
    build.cookie = await sessionCookie(base);
    build.scores = [];
    build.tbt = [];
  }
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  for (let i = 0; i < RUNS; i += 1) {
    for (const build of i % 2 ? [...BUILDS].reverse() : BUILDS) {
      const { lhr } = await lighthouse(`http://127.0.0.1:${build.port}${route}`, {
        port: chrome.port,
        logLevel: "error",
        extraHeaders: { Cookie: build.cookie },
        onlyCategories: ["performance"],
      });
      if (lhr.runtimeError) continue;
      build.scores.push(Math.round(lhr.categories.performance.score * 100));
      build.tbt.push(Math.round(lhr.audits["total-blocking-time"].numericValue));
    }
  }
  const result = Object.fromEntries(
    BUILDS.map((b) => [
      b.name,
      { dir: b.dir, median: median(b.scores), medianTbt: median(b.tbt), scores: b.scores, tbt: b.tbt },
    ]),
  );
  console.log(JSON.stringify({ route, runs: RUNS, ...result }, null, 2));
} finally {
  await chrome?.kill();
  for (const server of servers) server.kill("SIGTERM");
}
