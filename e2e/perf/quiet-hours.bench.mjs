// Sending hours (issue 22), in real time: a 10,000-row broadcast at 100 a second whose hours open a few seconds after
// it is confirmed and close 30 s later, mid-run; then (as the next day would) they open again, and it finishes.
// Against a zero-latency stub that records the time of every request. Rules: no request outside the hours, no number
// twice, every row sent, no burst when the hours open (at most the pace + 1 in any one second). Prints JSON.
import { createClient } from "@libsql/client";
import {
  launchChromium,
  removeDatabase,
  signIn,
  sleep,
  startBellhop,
  startStub,
  waitFor,
} from "./bench-support.mjs";

const STUB_PORT = 4091;
const PORT = 3198;
const BASE = `http://127.0.0.1:${PORT}`;
const STUB = `http://127.0.0.1:${STUB_PORT}`;
const TOKEN = "bench-stub-token";
const DB_FILE = "data/bench-quiet-hours.db";
const ROWS = Number(process.env.BENCH_QUIET_ROWS ?? 10_000);
const RATE = 100;
const WINDOW_S = 30;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

const hhmmss = (ms) => new Date(ms).toISOString().slice(11, 19);
const wholeSecond = (ms) => Math.floor(ms / 1_000) * 1_000;

async function kill9(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

async function progressOf(page, id) {
  return (await page.request.get(`${BASE}/api/broadcasts/${id}`)).json();
}

async function sendTimes(prefix) {
  const requests = await (await fetch(`${STUB}/__control/requests`)).json();
  return requests
    .filter((request) => request.path === "/v1/messages/send" && request.body?.to?.startsWith(prefix))
    .map((request) => ({ to: request.body.to, at: request.at }));
}

/** The most sends that started in any one second, sliding. */
function busiestSecond(times) {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= 1_000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function main() {
  removeDatabase(DB_FILE);
  const stub = startStub(STUB_PORT, TOKEN);
  const server = startBellhop({
    port: PORT,
    databaseFile: DB_FILE,
    env: { CALLBELL_API_URL: `${STUB}/v1`, CALLBELL_API_TOKEN: TOKEN, BELLHOP_POLL_PER_MINUTE: "1" },
  });
  const browser = await launchChromium();
  const db = createClient({ url: `file:./${DB_FILE}` });
  try {
    await waitFor(`${STUB}/__control/health`);
    await waitFor(`${BASE}/api/health`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, BASE);

    await page.goto(`${BASE}/broadcasts/new`);
    await page.getByLabel("Template", { exact: true }).fill("Order ready");
    await page.getByRole("option", { name: /^Order ready/ }).click();
    await page.getByLabel("Sends per second").fill(String(RATE));
    const csv = [
      "phone,name",
      ...Array.from({ length: ROWS }, (_, i) => `+3164${String(i).padStart(6, "0")},C${i}`),
    ];
    await page
      .getByLabel("Recipients file")
      .setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csv.join("\n")) });
    await page
      .getByRole("list", { name: "Report summary" })
      .getByText(`${ROWS.toLocaleString("en")} recipients ready`)
      .waitFor({ timeout: 30_000 });
    await page.getByLabel("Every recipient opted in to receive this template").check();
    if (ROWS > 100) await page.getByLabel("Type the number of recipients").fill(String(ROWS));
    // The first hours: from 10 s after now (time to store the list) for WINDOW_S seconds, in UTC, every day.
    const firstOpens = wholeSecond(Date.now()) + 10_000;
    const firstCloses = firstOpens + WINDOW_S * 1_000;
    if (new Date(firstOpens).getUTCDate() !== new Date(firstCloses + 120_000).getUTCDate()) {
      throw new Error("Run it again away from midnight UTC: the hours would cross it");
    }
    await page.getByLabel("Send only during set hours").check();
    await page.getByLabel("From", { exact: true }).fill(hhmmss(firstOpens));
    await page.getByLabel("To", { exact: true }).fill(hhmmss(firstCloses));
    await page.getByLabel("Hours time zone").selectOption("UTC");
    for (const day of ["Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"])
      await page.getByLabel(day, { exact: true }).check();
    await page.getByRole("button", { name: "Start broadcast" }).click();
    await page.waitForURL(/\/broadcasts\/\d+$/, { timeout: 60_000 });
    const id = Number(page.url().split("/").pop());

    // Until the hours end, then while it waits.
    while (Date.now() < firstCloses + 3_000) await sleep(500);
    const waiting = await progressOf(page, id);
    const sentInFirst = waiting.rows.done;
    await sleep(3_000);
    const stillWaiting = await progressOf(page, id);

    // "The next day": hours open again in 3 s, long enough for the rest.
    const secondOpens = wholeSecond(Date.now()) + 3_000;
    // Long enough for the rest even on a busy machine: the pace, not the hours, is what ends it.
    const secondCloses = secondOpens + Math.ceil((ROWS - sentInFirst) / RATE) * 1_000 + 10 * 60_000;
    const hours = { from: hhmmss(secondOpens), to: hhmmss(secondCloses), zone: "UTC", days: ALL_DAYS };
    await db.execute({
      sql: "update broadcasts set sending_hours = ? where id = ?",
      args: [JSON.stringify(hours), id],
    });
    let done;
    for (;;) {
      done = await progressOf(page, id);
      if (done.state !== "running") break;
      await sleep(500);
    }

    const sends = await sendTimes("+3164");
    const perNumber = new Map();
    for (const send of sends) perNumber.set(send.to, (perNumber.get(send.to) ?? 0) + 1);
    const inside = (at) => (at >= firstOpens && at < firstCloses) || (at >= secondOpens && at < secondCloses);
    const outside = sends.filter((send) => !inside(send.at));
    const first = sends.filter((send) => send.at < secondOpens).map((send) => send.at);
    const second = sends.filter((send) => send.at >= secondOpens).map((send) => send.at);
    const result = {
      rows: ROWS,
      rate: RATE,
      firstWindowSeconds: WINDOW_S,
      sentInFirstWindow: first.length,
      waitingUntilShown: waiting.waitingUntil !== null,
      sentWhileClosed: stillWaiting.rows.done - waiting.rows.done,
      sentInSecondWindow: second.length,
      firstSendAfterOpeningMs: first.length ? Math.min(...first) - firstOpens : null,
      firstSendAfterReopeningMs: second.length ? Math.min(...second) - secondOpens : null,
      lastSendBeforeClosingMs: first.length ? firstCloses - Math.max(...first) : null,
      requestsOutsideHours: outside.length,
      numbersSentTwice: [...perNumber.values()].filter((times) => times > 1).length,
      stubSends: sends.length,
      finalState: done.state,
      busiestSecondFirstWindow: busiestSecond(first),
      busiestSecondSecondWindow: busiestSecond(second),
    };
    result.budgets = {
      "no request outside the hours": result.requestsOutsideHours === 0,
      "no number twice": result.numbersSentTwice === 0,
      "every row sent once": result.stubSends === ROWS && perNumber.size === ROWS,
      "nothing sent while closed": result.sentWhileClosed === 0,
      "at most the pace + 1 in any second":
        Math.max(result.busiestSecondFirstWindow, result.busiestSecondSecondWindow) <= RATE + 1,
    };
    console.log(JSON.stringify(result, null, 2));
    await context.close();
  } finally {
    db.close();
    await browser.close();
    await kill9(server);
    await kill9(stub);
    removeDatabase(DB_FILE);
  }
}

await main();
