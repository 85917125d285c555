// What the history benches measure, shared by the 100,000-send one (history.bench.mjs) and the million-send one
// (million.bench.mjs): the 11 filtered views, each view's page or counts timed over HTTP, and the CSV export.
import { launchChromium, percentile, rssMb, signIn, sleep } from "./bench-support.mjs";

/** The filtered views, by name; `uuid` is one send's Callbell uuid (searched exactly). */
export function historyViews(uuid) {
  return {
    "no filter": "",
    "status=failed": "status=failed",
    "type=template": "type=template",
    template: "template=tpl-3",
    "channel + status": "channel=chan-1&status=read",
    sender: "sender=sender-2",
    "last 7 days": `from=${new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)}`,
    "search digits": "q=61001234",
    "search uuid": `q=${uuid}`,
    "every filter": "status=read&type=template&template=tpl-0&channel=chan-0&sender=sender-0&from=2000-01-01",
    "page 100 (cursor)": "cursor=50000",
  };
}

/** The bench admin's session cookie, signed in through the form. */
export async function signedInCookie(base) {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await signIn(page, base);
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/**
 * Each view asked `warmUp + samples` times at `path`, one after another; its p50 and p95 of the last `samples`.
 * `check` refuses a wrong answer; `onAnswer` sees each view's last one.
 */
export async function measureViews({ base, cookie, path, views, samples, warmUp, check, onAnswer }) {
  const timings = {};
  for (const [name, query] of Object.entries(views)) {
    if (path.endsWith("counts") && query.startsWith("cursor")) continue;
    const durations = [];
    let body;
    for (let i = 0; i < warmUp + samples; i += 1) {
      const started = performance.now();
      const response = await fetch(`${base}${path}?${query}`, { headers: { cookie } });
      body = await response.json();
      if (!response.ok || !check(body)) throw new Error(`${name}: ${JSON.stringify(body)}`);
      if (i >= warmUp) durations.push(performance.now() - started);
    }
    onAnswer?.(name, body);
    timings[name] = {
      p50: Number(percentile(durations, 50).toFixed(1)),
      p95: Number(percentile(durations, 95).toFixed(1)),
    };
  }
  return timings;
}

export const worstP95 = (timings) => Math.max(...Object.values(timings).map((t) => t.p95));

/** The CSV export of every row, streamed and counted; the server's memory sampled every 25 ms meanwhile. */
export async function measureExport({ base, cookie, pid }) {
  await sleep(500);
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 25);
  const started = performance.now();
  const response = await fetch(`${base}/api/history/export`, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return {
    seconds: Number(seconds.toFixed(2)),
    rowsWritten: lines - 1,
    megabytes: Number((bytes / 1e6).toFixed(1)),
    serverRssBeforeMb: Math.round(rssBefore),
    serverRssPeakMb: Math.round(rssPeak),
    serverRssGrowthMb: Math.round(rssPeak - rssBefore),
  };
}
