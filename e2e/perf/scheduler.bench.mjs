// Messages sent later (issue 22): 10,000 compose texts scheduled for the same instant, fired by `next start` at
// BELLHOP_SCHEDULE_RATE=100 against a stub that records every request. Measures how soon after its time the first
// request left (budget 5 s), the busiest second against the pace (budget: the pace + 1), numbers sent twice (budget 0)
// and how long all took; then the idle scheduler's statements a second (budget 1). The messages are scheduled through
// the send-later use-case itself (e2e/perf/scheduler-seed.task.ts, run by Vitest for its TypeScript). On the embedded
// SQLite database, or with BENCH_POSTGRES_URL on PostgreSQL (bellhop_bench_scheduler). Prints JSON, also kept in
// data/bench-scheduler.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import pg from "pg";
import {
  freshPostgres,
  removeDatabase,
  rssMb,
  sleep,
  startBellhop,
  startStub,
  waitFor,
} from "./bench-support.mjs";

const COUNT = Number(process.env.BENCH_SCHEDULER_COUNT ?? 10_000);
const RATE = 100;
const STUB_PORT = 4092;
const PORT = 3196;
const BASE = `http://127.0.0.1:${PORT}`;
const STUB = `http://127.0.0.1:${STUB_PORT}`;
const TOKEN = "bench-stub-token";
const DB_FILE = "data/bench-scheduler.db";
const POSTGRES = process.env.BENCH_POSTGRES_URL?.replace(/\/+$/, "");
const DATABASE_URL = POSTGRES ? `${POSTGRES}/bellhop_bench_scheduler` : `file:./${DB_FILE}`;
const DATABASE_ENV = POSTGRES
  ? { DATABASE_URL, BELLHOP_SECRET: "bench-secret-shared-by-every-instance-0123456789" }
  : {};
const PREFIX = "+3175";
// Seeding 10,000 takes 30–50 s on this machine; the messages are due this long after it starts.
const LEAD_MS = Number(process.env.BENCH_SCHEDULER_LEAD_MS ?? 120_000);

const round = (value, digits = 1) => Number(value.toFixed(digits));

async function freshDatabase() {
  if (!POSTGRES) return removeDatabase(DB_FILE);
  await freshPostgres(POSTGRES, "bellhop_bench_scheduler");
}

/** One query on the bench database, SQLite or PostgreSQL. */
async function query(sql) {
  if (!POSTGRES) {
    const db = createClient({ url: DATABASE_URL });
    try {
      return (await db.execute(sql)).rows;
    } finally {
      db.close();
    }
  }
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(sql)).rows;
  } finally {
    await db.end();
  }
}

/** Runs one `e2e/perf/*.task.ts` in Vitest, with `env`; returns the JSON it wrote. */
function runTask(name, env) {
  const out = `data/bench-scheduler-${name}.json`;
  execFileSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--config", "e2e/perf/vitest.config.mts", name],
    {
      env: {
        ...process.env,
        DATABASE_URL,
        ...DATABASE_ENV,
        ...env,
        [`BENCH_${name.toUpperCase()}_OUT`]: out,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return JSON.parse(readFileSync(out, "utf8"));
}

/** The most of these times in any one-second window [t, t + 1 s). */
function busiestSecond(times) {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end += 1) {
    while (sorted[end] - sorted[start] >= 1_000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function main() {
  mkdirSync("data", { recursive: true });
  await freshDatabase();
  const dueAt = Date.now() + LEAD_MS;
  const seed = runTask("seed", {
    BENCH_SEED_COUNT: String(COUNT),
    BENCH_SEED_AT: String(dueAt),
    BENCH_SEED_PREFIX: PREFIX,
  });

  const stub = startStub(STUB_PORT, TOKEN);
  const server = startBellhop({
    port: PORT,
    databaseFile: DB_FILE,
    env: {
      CALLBELL_API_URL: `${STUB}/v1`,
      CALLBELL_API_TOKEN: TOKEN,
      BELLHOP_SCHEDULE_RATE: String(RATE),
      // The poller would add its own calls to the stub; this run measures firing alone.
      BELLHOP_POLL_PER_MINUTE: "1",
      ...DATABASE_ENV,
    },
  });
  let firing;
  try {
    await waitFor(`${STUB}/__control/health`);
    await waitFor(`${BASE}/api/health`);
    const rssIdleMb = rssMb(server.pid);
    await sleep(Math.max(0, dueAt - Date.now()));

    // Until every message has left (or nothing moved for 30 s): the database's count, once a second.
    let rssPeakMb = rssIdleMb;
    let left = COUNT;
    let movedAt = Date.now();
    while (left > 0 && Date.now() - movedAt < 30_000) {
      await sleep(1_000);
      rssPeakMb = Math.max(rssPeakMb, rssMb(server.pid));
      const [row] = await query("select count(*) as n from sends where status in ('scheduled', 'sending')");
      if (Number(row.n) < left) movedAt = Date.now();
      left = Number(row.n);
    }

    const requests = await (
      await fetch(`${STUB}/__control/requests?prefix=${encodeURIComponent(PREFIX)}`)
    ).json();
    const sends = requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/messages/send"));
    const times = sends.map((r) => r.at).sort((a, b) => a - b);
    const perNumber = new Map();
    for (const r of sends) perNumber.set(r.body.to, (perNumber.get(r.body.to) ?? 0) + 1);
    const lookups = (await (await fetch(`${STUB}/__control/requests`)).json()).filter((r) =>
      r.path.startsWith(`/v1/contacts/phone/${PREFIX.slice(1)}`),
    ).length;
    const statuses = Object.fromEntries(
      (await query("select status, count(*) as n from sends group by status")).map((r) => [
        r.status,
        Number(r.n),
      ]),
    );
    const [uuids] = await query(
      "select count(distinct callbell_uuid) as n from sends where callbell_uuid is not null",
    );
    const firstAt = times[0];
    const lastAt = times.at(-1);
    firing = {
      dueAt: new Date(dueAt).toISOString(),
      seedSeconds: round(seed.seconds),
      stubSends: sends.length,
      numbersSentTwice: [...perNumber.values()].filter((n) => n > 1).length,
      distinctCallbellUuids: Number(uuids.n),
      statuses,
      firstAfterDueMs: Math.round(firstAt - dueAt),
      busiestSecond: busiestSecond(times),
      pace: RATE,
      allSeconds: round((lastAt - dueAt) / 1000),
      measuredRate: round((sends.length - 1) / ((lastAt - firstAt) / 1000)),
      contactLookups: lookups,
      serverRssIdleMb: round(rssIdleMb),
      serverRssPeakMb: round(rssPeakMb),
    };
  } finally {
    server.kill("SIGTERM");
    stub.kill("SIGTERM");
    await sleep(500);
  }

  // The idle cost, on the database as the run left it (10,000 sends and their events).
  const idle = runTask("idle", { BENCH_IDLE_SECONDS: "20" });
  const result = {
    database: POSTGRES ? "PostgreSQL" : "SQLite",
    count: COUNT,
    firing,
    idle,
    budgets: {
      "first within 5 s of its time": firing.firstAfterDueMs <= 5_000,
      "busiest second within the pace + 1": firing.busiestSecond <= RATE + 1,
      "none sent twice": firing.numbersSentTwice === 0 && firing.stubSends === COUNT,
      "idle: at most one read a tick (a second)": idle.perTick <= 1,
    },
  };
  writeFileSync("data/bench-scheduler.json", JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
