// Seeds a history of many sends inside the database itself (no row crosses the connection): SQLite's recursive
// `with`, PostgreSQL's `generate_series`, a transaction per 100,000 rows. The same mix as history.bench.mjs: every
// status and type, 6 templates, 3 channels, 5 senders, over 90 days.
import { statSync } from "node:fs";
import { createClient } from "@libsql/client";
import pg from "pg";

/** The mix of statuses and types both history benches seed (every status and type, in these shares). */
export const STATUSES = [
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
export const TYPES = [
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
const BATCH = 100_000;
const COLUMNS = `idempotency_key, created_at, updated_at, recipient, platform, message_type, channel_uuid, template_uuid,
  template_title, request_body, status, callbell_uuid, sender_id, sender_email, status_reason, poll_count`;
const pick = (list, index) =>
  `case ${index} ${list.map((value, i) => `when ${i} then '${value}'`).join(" ")} end`;

/** One row's values from its number `n` (1-based), written once for both databases (`uuid` and `at` differ). */
function rowSelect({ uuid, at, json }) {
  const type = pick(TYPES, "n % 10");
  const status = pick(STATUSES, "(n * 7) % 10");
  const template = `case when n % 10 in (5, 6, 7) then 'tpl-' || (n % 6) end`;
  return `select 'bench-' || n, ${at}, ${at}, '+316' || substr(cast(10000000 + n as text), -8), 'whatsapp', ${type},
    'chan-' || (n % 3), ${template}, case when n % 10 in (5, 6, 7) then 'Template ' || (n % 6) end,
    case when n % 10 in (5, 6, 7)
      then ${json(`'to', '', 'from', 'whatsapp', 'type', 'text', 'template_uuid', 'tpl-' || (n % 6), 'optin_contact', true, 'content', ${json(`'text', 'Customer ' || n`)}`)}
      else ${json(`'to', '', 'from', 'whatsapp', 'type', ${type}, 'content', ${json(`'text', 'Hello number ' || n`)}`)} end,
    ${status}, case when (n * 7) % 10 in (7, 8) then null else ${uuid} end, 'sender-' || (n % 5),
    'agent' || (n % 5) || '@bellhop.test', case when (n * 7) % 10 = 6 then 'Number does not exist on WhatsApp (code 1002)' end, 0`;
}

/** Seeds `rows` sends; answers the seconds it took and the database's size in bytes after it. */
export async function seedMillion({ rows, databaseFile, pgUrl }) {
  const now = Date.now();
  const step = Math.floor((90 * 86_400_000) / rows);
  const started = performance.now();
  let bytes;
  if (!pgUrl) {
    const db = createClient({ url: `file:./${databaseFile}` });
    await db.execute("PRAGMA busy_timeout = 5000");
    const select = rowSelect({
      uuid: "lower(hex(randomblob(16)))",
      at: `${now} - (${rows} - n) * ${step}`,
      json: (pairs) => `json_object(${pairs})`,
    });
    for (let first = 1; first <= rows; first += BATCH) {
      const last = Math.min(rows, first + BATCH - 1);
      await db.execute(
        `insert into sends (${COLUMNS}) with recursive seq(n) as (select ${first} union all select n + 1 from seq
          where n < ${last}) ${select} from seq`,
      );
    }
    await db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    db.close();
    bytes = statSync(databaseFile).size;
  } else {
    const db = new pg.Client({ connectionString: pgUrl });
    await db.connect();
    const select = rowSelect({
      uuid: "md5(random()::text || n)",
      at: `to_timestamp((${now} - (${rows} - n) * ${step}) / 1000.0)`,
      json: (pairs) => `json_build_object(${pairs})::text`,
    });
    for (let first = 1; first <= rows; first += BATCH) {
      const last = Math.min(rows, first + BATCH - 1);
      await db.query(
        `insert into sends (${COLUMNS}) ${select} from generate_series(${first}::bigint, ${last}::bigint) as n`,
      );
    }
    // What autovacuum would do soon after such a load: the statistics, and the visibility map index-only scans need.
    await db.query("vacuum analyze sends");
    bytes = Number((await db.query("select pg_total_relation_size('sends') as bytes")).rows[0].bytes);
    await db.end();
  }
  return { seconds: (performance.now() - started) / 1000, bytes };
}
