// Replies (issue 22): 10,000 `message_created` events from customers, posted to Bellhop's webhook at 200 a second
// (open loop: each leaves at its time, whatever the answers before it), against a history of 50,000 sends, half the
// customers with a send to link to. Budget: every event recorded (rows counted in the database afterwards), p95 answer
// ≤ 50 ms. On the embedded SQLite database, or with BENCH_POSTGRES_URL=postgres://user:password@host:port on a
// PostgreSQL database of its own (bellhop_bench_replies, dropped and created). Prints one JSON object.
import { randomUUID } from "node:crypto";
import http from "node:http";
import {
  freshPostgres,
  openBenchDatabase,
  percentile,
  removeDatabase,
  rssMb,
  sleep,
  startBellhop,
  waitFor,
} from "./bench-support.mjs";

const EVENTS = Number(process.env.BENCH_REPLIES_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_REPLIES_RATE ?? 200);
const HISTORY = 50_000;
const PORT = 3195;
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-webhook-secret-0123456789";
const DB_FILE = "data/bench-replies.db";
const POSTGRES = process.env.BENCH_POSTGRES_URL?.replace(/\/+$/, "");
const PG_URL = POSTGRES && `${POSTGRES}/bellhop_bench_replies`;

/** The server's database (bench-support's), with a count of rows. */
async function openDatabase() {
  const db = await openBenchDatabase({ databaseFile: DB_FILE, pgUrl: PG_URL });
  return { ...db, count: async (sql) => Number((await db.first(sql)).n) };
}

/** Customer `n`'s number, as Bellhop records a send to it and (without the `+`) as Callbell writes it. */
const customer = (n) => `+3165${String(n).padStart(7, "0")}`;

async function startServer() {
  let env = { CALLBELL_WEBHOOK_SECRET: SECRET };
  if (PG_URL) {
    await freshPostgres(POSTGRES, "bellhop_bench_replies");
    env = {
      ...env,
      DATABASE_URL: PG_URL,
      BELLHOP_SECRET: "bench-secret-shared-by-every-instance-0123456789",
    };
  } else {
    removeDatabase(DB_FILE);
  }
  const server = startBellhop({ port: PORT, databaseFile: DB_FILE, env });
  await waitFor(`${BASE}/api/health`);
  return server;
}

/**
 * 50,000 sends: one in the last hour to each even-numbered customer of the 10,000 who will write (their replies link
 * to it), and 45,000 to others over the last 30 days.
 */
async function seed(db) {
  const now = Date.now();
  for (let batch = 0; batch < HISTORY / 1000; batch += 1) {
    const statements = [];
    for (let i = 0; i < 1000; i += 1) {
      const n = batch * 1000 + i;
      const linked = n < EVENTS / 2;
      const recipient = linked ? customer(n * 2) : `+3166${String(n).padStart(7, "0")}`;
      const createdAt = linked ? now - 3_600_000 + n : now - (n * 30 * 86_400_000) / HISTORY;
      statements.push({
        sql: `insert into sends (idempotency_key, created_at, updated_at, recipient, platform, message_type, request_body,
          status, callbell_uuid, poll_count) values (?, ?, ?, ?, 'whatsapp', 'text', '{}', 'delivered', ?, 0)`,
        args: [`bench-${n}-${randomUUID()}`, createdAt, createdAt, recipient, randomUUID().replace(/-/g, "")],
      });
    }
    await db.batch(statements);
  }
}

function event(n) {
  // The warm-up's customers (n < 0) write from numbers of their own, not counted with the timed ones.
  const from = n < 0 ? `3167${String(-n).padStart(7, "0")}` : customer(n).slice(1);
  return JSON.stringify({
    event: "message_created",
    payload: {
      to: "15550001000",
      from,
      text: `Yes, please (${n})`,
      attachments: [],
      status: "received",
      channel: "whatsapp",
      contact: { uuid: `contact${n}`, name: `Customer ${n}`, phoneNumber: from },
      createdAt: new Date().toISOString(),
    },
  });
}

/** Callbell's side: one keep-alive HTTP client, as a service posting 200 events a second keeps its connections. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One POST of `body`; its status, or a failed connection (`ECONNRESET`…) thrown. */
function postOnce(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: `/api/webhooks/callbell/${SECRET}`,
        method: "POST",
        agent,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("error", reject);
        response.on("end", () => resolve(response.statusCode));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Connections that failed before an answer (a kept-alive socket the server had just closed), each posted again. */
let resent = 0;

/**
 * Posts event `n`, once more if its connection failed before any answer (as Callbell delivers again), and notes how
 * long Bellhop took to answer it, from the first attempt.
 */
async function post(n, times, statuses) {
  const body = event(n);
  const started = performance.now();
  let status;
  for (let attempt = 1; ; attempt += 1) {
    try {
      status = await postOnce(body);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      resent += 1;
    }
  }
  times.push(performance.now() - started);
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}

const round = (value) => Number(value.toFixed(1));

/**
 * Posts `count` events from customers `first`, `first + 1`, … at `rate` a second, each at its time whatever the
 * answers before it, and returns the answer times, the answers by status, and the rate the posts kept.
 */
async function fire(first, count, rate) {
  const times = [];
  const statuses = new Map();
  const inFlight = [];
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(post(first + i, times, statuses));
  }
  const sentSeconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  return { times, statuses, measuredRate: round(count / sentSeconds) };
}

const summary = (times) => ({
  p50: round(percentile(times, 50)),
  p95: round(percentile(times, 95)),
  p99: round(percentile(times, 99)),
  max: round(Math.max(...times)),
});

/** Higher rates after the main run, 2,000 events each (customers of their own): how far past 200 the budget holds. */
const SWEEP = (process.env.BENCH_REPLIES_SWEEP ?? "300,400").split(",").filter(Boolean).map(Number);
const SWEEP_EVENTS = 2_000;

async function main() {
  const server = await startServer();
  // Whatever ends this process, its Bellhop goes with it.
  process.once("exit", () => server.kill("SIGKILL"));
  let db = await openDatabase();
  try {
    await seed(db);
    // Closed while the events come: the seeding connection is no part of what is measured.
    await db.close();
    // A few events first, so the first timed ones do not pay for compiling the route.
    for (let n = -1; n >= -20; n -= 1) await post(n, [], new Map());
    await sleep(1_000);
    const rssBefore = rssMb(server.pid);
    const { times, statuses, measuredRate } = await fire(0, EVENTS, RATE);
    const rssAfter = rssMb(server.pid);
    db = await openDatabase();
    const customers = `from_phone >= '+3165' and from_phone < '+3165${String(EVENTS).padStart(7, "0")}'`;
    const kept = await db.count(`select count(*) as n from received_messages where ${customers}`);
    const linked = await db.count(
      `select count(*) as n from received_messages where ${customers} and send_id is not null`,
    );
    const replied = await db.count(`select count(*) as n from sends where replied_at is not null`);
    await db.close();
    const sweep = [];
    for (const [index, rate] of SWEEP.entries()) {
      await sleep(2_000);
      const first = EVENTS + 1_000 + index * SWEEP_EVENTS;
      const run = await fire(first, SWEEP_EVENTS, rate);
      sweep.push({
        rate,
        measuredRate: run.measuredRate,
        ok: run.statuses.get(200) ?? 0,
        answerMs: summary(run.times),
      });
    }
    db = await openDatabase();
    const p95 = percentile(times, 95);
    console.log(
      JSON.stringify(
        {
          database: PG_URL ? "postgresql" : "sqlite",
          events: EVENTS,
          configuredRate: RATE,
          measuredRate,
          historySends: HISTORY,
          answers: Object.fromEntries(statuses),
          answerMs: summary(times),
          recorded: kept,
          linked,
          sendsMarkedReplied: replied,
          resentAfterAFailedConnection: resent,
          serverRssBeforeMb: Math.round(rssBefore),
          serverRssAfterMb: Math.round(rssAfter),
          sweepEvents: SWEEP_EVENTS,
          sweep,
          budgets: {
            "every event recorded": kept === EVENTS && statuses.get(200) === EVENTS,
            "p95 answer ≤ 50 ms": p95 <= 50,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await db.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    if (!PG_URL) removeDatabase(DB_FILE);
  }
}

await main();
