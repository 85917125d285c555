// The history with 100,000 sends: a filtered page's p95 (budget 50 ms) and the CSV export of every row (budget 5 s,
// server memory growth under 100 MB). Run by `npm run bench` after `npm run build`; prints one JSON object. On the
// embedded SQLite database, or with BENCH_POSTGRES_URL=postgres://user:password@host:port on a PostgreSQL database of
// its own there (bellhop_bench_history, dropped and created).
import { randomUUID } from "node:crypto";
import {
  freshPostgres,
  launchChromium,
  openBenchDatabase,
  percentile,
  removeDatabase,
  rssMb,
  signIn,
  sleep,
  startBellhop,
  waitFor,
} from "./bench-support.mjs";

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
  const statuses = [
    "read",
    "read",
    "delivered",
    "delivered",
    "sent",
    "enqueued",
    "failed",
    "rejected",
    "unknown",
    "mismatch",
  ];
  const types = [
    "text",
    "text",
    "text",
    "image",
    "document",
    "template",
    "template",
    "template",
    "audio",
    "video",
  ];
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

async function signedInCookie() {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await signIn(page, BASE);
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

async function main() {
  const server = await startServer();
  try {
    const seeded = await seed();
    const cookie = await signedInCookie();
    const views = {
      "no filter": "",
      "status=failed": "status=failed",
      "type=template": "type=template",
      template: "template=tpl-3",
      "channel + status": "channel=chan-1&status=read",
      sender: "sender=sender-2",
      "last 7 days": `from=${new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)}`,
      "search digits": "q=61001234",
      "search uuid": `q=${seeded.uuid}`,
      "every filter":
        "status=read&type=template&template=tpl-0&channel=chan-0&sender=sender-0&from=2000-01-01",
      "page 100 (cursor)": "cursor=50000",
    };
    async function measure(path, check) {
      const timings = {};
      for (const [name, query] of Object.entries(views)) {
        if (path.endsWith("counts") && query.startsWith("cursor")) continue;
        const samples = [];
        for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
          const started = performance.now();
          const response = await fetch(`${BASE}${path}?${query}`, { headers: { cookie } });
          const body = await response.json();
          if (!response.ok || !check(body)) throw new Error(`${name}: ${JSON.stringify(body)}`);
          if (i >= WARM_UP) samples.push(performance.now() - started);
        }
        timings[name] = {
          p50: Number(percentile(samples, 50).toFixed(1)),
          p95: Number(percentile(samples, 95).toFixed(1)),
        };
      }
      return timings;
    }
    const timings = await measure("/api/history", (body) => Array.isArray(body.items));
    const countTimings = await measure("/api/history/counts", (body) => typeof body.counts === "object");
    const allP95 = Math.max(...Object.values(timings).map((t) => t.p95));
    const countsP95 = Math.max(...Object.values(countTimings).map((t) => t.p95));

    await sleep(500);
    const rssBefore = rssMb(server.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 25);
    const started = performance.now();
    const response = await fetch(`${BASE}/api/history/export`, { headers: { cookie } });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const exportSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
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
      export: {
        seconds: Number(exportSeconds.toFixed(2)),
        rowsWritten: lines - 1,
        megabytes: Number((bytes / 1e6).toFixed(1)),
        serverRssBeforeMb: Math.round(rssBefore),
        serverRssPeakMb: Math.round(rssPeak),
        serverRssGrowthMb: Math.round(rssPeak - rssBefore),
      },
      budgets: {
        "history page p95 ≤ 50 ms": allP95 <= 50,
        "export ≤ 5 s": exportSeconds <= 5,
        "export memory growth < 100 MB": rssPeak - rssBefore < 100,
        "export has every row": lines - 1 === ROWS,
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
