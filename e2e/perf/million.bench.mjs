// The history with a million sends (issue 23): every filtered page's p95 (budget 50 ms), the counts per status (budget
// 100 ms), the CSV export of every row (budget 60 s, server memory growth < 100 MB), and `next start` to its first 200
// on that database (budget 2 s); the database's size per 100,000 sends and what seeding cost. On SQLite, or with
// BENCH_POSTGRES_URL on a PostgreSQL database of its own there (bellhop_bench_million, dropped and created).
// BENCH_MILLION_ROWS sets the sends (at least 6,000: a view searches the 5,000th send's uuid).
import {
  freshPostgres,
  openBenchDatabase,
  removeDatabase,
  rssMb,
  startBellhop,
  waitFor,
} from "./bench-support.mjs";
import { historyViews, measureExport, measureViews, signedInCookie, worstP95 } from "./history-measure.mjs";
import { seedMillion } from "./million-seed.mjs";

const ROWS = Number(process.env.BENCH_MILLION_ROWS ?? 1_000_000);
// Fewer samples per view than at 100,000 (200), to keep the run within minutes; the p95 of 60 is their 57th.
const SAMPLES = 60;
const WARM_UP = 5;
const PORT = 3191;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/bench-million.db";
const POSTGRES = process.env.BENCH_POSTGRES_URL?.replace(/\/+$/, "");
const PG_URL = POSTGRES && `${POSTGRES}/bellhop_bench_million`;
const SERVER_ENV = PG_URL
  ? { DATABASE_URL: PG_URL, BELLHOP_SECRET: "bench-secret-shared-by-every-instance-0123456789" }
  : {};

async function stop(server) {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}

/** `next start` on the seeded database, timed to the first 200 of /api/health (polled every 20 ms). */
async function timedStart() {
  const started = performance.now();
  const server = startBellhop({ port: PORT, databaseFile: DB_FILE, env: SERVER_ENV });
  await waitFor(`${BASE}/api/health`, 20);
  return { server, ms: Math.round(performance.now() - started) };
}

async function main() {
  if (PG_URL) await freshPostgres(POSTGRES, "bellhop_bench_million");
  else removeDatabase(DB_FILE);
  // A first start creates and migrates the database; the seed fills it beside the running server.
  let server = startBellhop({ port: PORT, databaseFile: DB_FILE, env: SERVER_ENV });
  try {
    await waitFor(`${BASE}/api/health`);
    const seeded = await seedMillion({ rows: ROWS, databaseFile: DB_FILE, pgUrl: PG_URL });
    const db = await openBenchDatabase({ databaseFile: DB_FILE, pgUrl: PG_URL });
    const { uuid } = await db.first(
      "select callbell_uuid as uuid from sends where callbell_uuid is not null order by id limit 1 offset 5000",
    );
    await db.close();
    await stop(server);
    const start = await timedStart();
    server = start.server;
    const serverRssIdleMb = Math.round(rssMb(server.pid));

    const cookie = await signedInCookie(BASE);
    const views = historyViews(uuid);
    const measure = (path, check, onAnswer) =>
      measureViews({ base: BASE, cookie, path, views, samples: SAMPLES, warmUp: WARM_UP, check, onAnswer });
    const pages = await measure("/api/history", (body) => Array.isArray(body.items));
    const countsShown = {};
    const counts = await measure(
      "/api/history/counts",
      (body) => typeof body.counts === "object",
      (name, body) => (countsShown[name] = body),
    );
    const exported = await measureExport({ base: BASE, cookie, pid: server.pid });
    const pageP95 = worstP95(pages);
    const countsP95 = worstP95(counts);
    const result = {
      database: PG_URL ? "postgres" : "sqlite",
      rows: ROWS,
      samplesPerView: SAMPLES,
      warmUpPerView: WARM_UP,
      seed: {
        seconds: Number(seeded.seconds.toFixed(1)),
        rowsPerSecond: Math.round(ROWS / seeded.seconds),
        megabytes: Number((seeded.bytes / 1e6).toFixed(1)),
        megabytesPer100k: Number((seeded.bytes / 1e6 / (ROWS / 100_000)).toFixed(1)),
      },
      start: { ms: start.ms, serverRssIdleMb },
      historyPage: pages,
      historyPageWorstP95Ms: pageP95,
      statusCounts: counts,
      statusCountsWorstP95Ms: countsP95,
      countsNoFilter: countsShown["no filter"],
      export: exported,
      budgets: {
        "history page p95 ≤ 50 ms": pageP95 <= 50,
        "counts p95 ≤ 100 ms": countsP95 <= 100,
        "export ≤ 60 s": exported.seconds <= 60,
        "export memory growth < 100 MB": exported.serverRssGrowthMb < 100,
        "export has every row": exported.rowsWritten === ROWS,
        "start to first 200 ≤ 2 s": start.ms <= 2000,
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await stop(server);
    if (!PG_URL) removeDatabase(DB_FILE);
  }
}

await main();
