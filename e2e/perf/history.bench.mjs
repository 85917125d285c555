// The history with 100,000 sends: a filtered page's p95 (budget 50 ms) and the CSV export of every row (budget 5 s,
// server memory growth under 100 MB). Run by `npm run bench` after `npm run build`; prints one JSON object. On the
// embedded SQLite database, or with BENCH_POSTGRES_URL=postgres://user:password@host:port on a PostgreSQL database of
// its own there (bellhop_bench_history, dropped and created).
import { randomUUID } from "node:crypto";
import { freshPostgres, openBenchDatabase, removeDatabase, startBellhop, waitFor } from "./bench-support.mjs";
import { STATUSES, TYPES } from "./million-seed.mjs";
import { historyViews, measureExport, measureViews, signedInCookie, worstP95 } from "./history-measure.mjs";

const ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 100_000);
// Samples per view (after 10 that warm caches up): a p95 of 40 samples is its second-worst, too much at the mercy of
// one pause on a 2-core machine shared with the client.
const SAMPLES = 200;
const WARM_UP = 10;
const PORT = 3190;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/bench-history.db";
const POSTGRES = process.env.BENCH_POSTGRES_URL?.replace(/\/+$/, "");
const PG_URL = POSTGRES && `${POSTGRES}/bellhop_bench_history`;

async function startServer() {
  let env = {};
  if (PG_URL) {
    await freshPostgres(POSTGRES, "bellhop_bench_history");
    env = { DATABASE_URL: PG_URL, BELLHOP_SECRET: "bench-secret-shared-by-every-instance-0123456789" };
  } else {
    removeDatabase(DB_FILE);
  }
  const server = startBellhop({ port: PORT, databaseFile: DB_FILE, env });
  await waitFor(`${BASE}/api/health`);
  return server;
}

/** 100,000 sends over 90 days: every status, type, 6 templates, 3 channels, 5 senders. */
async function seed() {
  const db = await openBenchDatabase({ databaseFile: DB_FILE, pgUrl: PG_URL });
  const statuses = STATUSES;
  const types = TYPES;
  const now = Date.now();
  const started = performance.now();
  for (let batch = 0; batch < ROWS / 1000; batch += 1) {
    const statements = [];
    for (let i = 0; i < 1000; i += 1) {
      const n = batch * 1000 + i;
      const type = types[n % types.length];
      const template = type === "template" ? `tpl-${n % 6}` : null;
      const status = statuses[(n * 7) % statuses.length];
      const createdAt = now - (ROWS - n) * Math.floor((90 * 86_400_000) / ROWS);
      const body = template
        ? {
            to: "",
            from: "whatsapp",
            type: "text",
            template_uuid: template,
            optin_contact: true,
            content: { text: `Customer ${n}` },
          }
        : { to: "", from: "whatsapp", type, content: { text: `Hello number ${n}` } };
      statements.push({
        sql: `insert into sends (idempotency_key, created_at, updated_at, recipient, platform, message_type, channel_uuid,
          template_uuid, template_title, request_body, status, callbell_uuid, sender_id, sender_email, status_reason, poll_count)
          values (?, ?, ?, ?, 'whatsapp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
        args: [
          `bench-${n}-${randomUUID()}`,
          createdAt,
          createdAt,
          `+316${String(10_000_000 + n).slice(-8)}`,
          type,
          `chan-${n % 3}`,
          template,
          template ? `Template ${n % 6}` : null,
          JSON.stringify(body),
          status,
          status === "rejected" || status === "unknown" ? null : randomUUID().replace(/-/g, ""),
          `sender-${n % 5}`,
          `agent${n % 5}@bellhop.test`,
          status === "failed" ? "Number does not exist on WhatsApp (code 1002)" : null,
        ],
      });
    }
    await db.batch(statements);
  }
  const seconds = (performance.now() - started) / 1000;
  const { uuid } = await db.first(
    "select callbell_uuid as uuid from sends where callbell_uuid is not null order by id limit 1 offset 5000",
  );
  await db.close();
  return { seconds, uuid };
}

async function main() {
  const server = await startServer();
  try {
    const seeded = await seed();
    const cookie = await signedInCookie(BASE);
    const views = historyViews(seeded.uuid);
    const measure = (path, check) =>
      measureViews({ base: BASE, cookie, path, views, samples: SAMPLES, warmUp: WARM_UP, check });
    const timings = await measure("/api/history", (body) => Array.isArray(body.items));
    const countTimings = await measure("/api/history/counts", (body) => typeof body.counts === "object");
    const allP95 = worstP95(timings);
    const countsP95 = worstP95(countTimings);
    const exported = await measureExport({ base: BASE, cookie, pid: server.pid });
    const exportSeconds = exported.seconds;
    const result = {
      database: PG_URL ? "postgres" : "sqlite",
      rows: ROWS,
      samplesPerView: SAMPLES,
      warmUpPerView: WARM_UP,
      seedSeconds: Number(seeded.seconds.toFixed(1)),
      historyPage: timings,
      historyPageWorstP95Ms: allP95,
      statusCounts: countTimings,
      statusCountsWorstP95Ms: countsP95,
      export: exported,
      budgets: {
        "history page p95 ≤ 50 ms": allP95 <= 50,
        "export ≤ 5 s": exportSeconds <= 5,
        "export memory growth < 100 MB": exported.serverRssGrowthMb < 100,
        "export has every row": exported.rowsWritten === ROWS,
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    removeDatabase(DB_FILE);
  }
}

await main();
