import { appendFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import { expect } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "./databases.mjs";
import { STUB_URL } from "./support";

// What the fault suite measures: the sends the stub saw for one broadcast's numbers, and the rows in the database.

/** A send as the stub recorded it: when it arrived, for whom, and what the stub answered. */
export type StubSend = { at: number; to: string; status?: number };

/** Every send the stub received for numbers starting with `prefix`, in arrival order. */
export async function sendsTo(prefix: string): Promise<StubSend[]> {
  const response = await fetch(`${STUB_URL}/__control/requests?prefix=${encodeURIComponent(prefix)}`);
  const requests = (await response.json()) as {
    method: string;
    path: string;
    at: number;
    status?: number;
    body?: { to?: string };
  }[];
  return requests
    .filter((request) => request.method === "POST" && request.path.startsWith("/v1/messages/send"))
    .map((request) => ({ at: request.at, to: request.body!.to!, status: request.status }));
}

/** The most sends in any one-second window [t, t + 1 s), over these arrival times. */
export function maxPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= 1_000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** How many requests each number got. */
export function requestsPerPhone(sends: StubSend[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const send of sends) counts.set(send.to, (counts.get(send.to) ?? 0) + 1);
  return counts;
}

/** Runs one statement on an e2e database (SQLite file or PostgreSQL), with `$1`-style parameters. */
export async function query<Row = Record<string, unknown>>(
  database: string,
  text: string,
  params: (string | number)[] = [],
): Promise<Row[]> {
  const url = e2eDatabaseUrl(database);
  if (url.startsWith("file:")) {
    const client = createClient({ url });
    try {
      const result = await client.execute({ sql: text.replace(/\$(\d+)/g, "?$1"), args: params });
      return result.rows.map((row) => ({ ...row }) as Row);
    } finally {
      client.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

export type RowState = { id: number; phone: string; state: string; sendRecords: number };

/** A broadcast's rows: state, and how many send records (history entries) each has. */
export async function broadcastRows(database: string, broadcastId: number): Promise<RowState[]> {
  const rows = await query<{ id: number; phone: string; state: string; send_records: number | string }>(
    database,
    `select r.id, r.phone, r.state,
       (select count(*) from sends s where s.broadcast_row_id = r.id) as send_records
     from broadcast_recipients r where r.broadcast_id = $1 order by r.id`,
    [broadcastId],
  );
  return rows.map((row) => ({ ...row, id: Number(row.id), sendRecords: Number(row.send_records) }));
}

export async function broadcastState(database: string, broadcastId: number): Promise<string | undefined> {
  const [row] = await query<{ state: string }>(database, "select state from broadcasts where id = $1", [
    broadcastId,
  ]);
  return row?.state;
}

/** Waits until the broadcast is completed (every row final), and returns when that was seen. */
export async function waitForCompletion(database: string, broadcastId: number, timeout: number) {
  await expect
    .poll(() => broadcastState(database, broadcastId), { timeout, intervals: [200] })
    .toBe("completed");
  return Date.now();
}

/**
 * The figures the bench report's "faults" section quotes, printed as one line: sends, distinct recipients, duplicates
 * (numbers that Callbell accepted more than once), rows unknown with and without a request at the stub, and the
 * highest one-second count against the pace.
 */
export function faultFigures(label: string, sends: StubSend[], rows: RowState[], pace: number, extra = "") {
  const accepted = requestsPerPhone(sends.filter((send) => send.status === 200));
  const asked = requestsPerPhone(sends);
  const unknown = rows.filter((row) => row.state === "unknown");
  const figures = {
    sends: sends.length,
    recipients: asked.size,
    duplicates: [...accepted.values()].filter((times) => times > 1).length,
    unknownWithRequest: unknown.filter((row) => asked.has(row.phone)).length,
    unknownWithoutRequest: unknown.filter((row) => !asked.has(row.phone)).length,
    // The rule: unknown only when a request may have left, which its send record (written just before) says.
    unknownWithoutRecord: unknown.filter((row) => row.sendRecords === 0).length,
    maxPerSecond: maxPerSecond(sends.map((send) => send.at)),
    notFinal: rows.filter((row) => row.state === "waiting" || row.state === "sending").length,
  };
  // `npm run bench` collects these for its report's "faults" section (e2e/perf/faults.bench.mjs).
  if (process.env.FAULT_FIGURES_FILE)
    appendFileSync(process.env.FAULT_FIGURES_FILE, `${JSON.stringify({ label, pace, extra, ...figures })}\n`);
  console.log(
    `faults/${label}: ${figures.sends} sends to ${figures.recipients} distinct recipients (${rows.length} rows), ` +
      `${figures.duplicates} duplicates, unknown ${figures.unknownWithRequest} with a request / ` +
      `${figures.unknownWithoutRequest} without (${figures.unknownWithoutRecord} without a send record), highest one-second count ${figures.maxPerSecond} ` +
      `(pace ${pace})${extra}`,
  );
  return figures;
}

/**
 * After a kill: prints the figures, and checks the rules that hold through it: the pace in every one-second window (as
 * the stub sees it, within 5%),
 * no number asked twice, no row unknown without a request, every row final.
 */
export async function expectPaceKept(
  label: string,
  database: string,
  broadcastId: number,
  prefix: string,
  pace: number,
  killedAt: number,
) {
  const sends = await sendsTo(prefix);
  const rows = await broadcastRows(database, broadcastId);
  const after = sends.filter((send) => send.at > killedAt).map((send) => send.at);
  const figures = faultFigures(label, sends, rows, pace, `; after the kill ${maxPerSecond(after)}`);
  // Seen by the stub, which shares the two cores with the instances, Chromium and PostgreSQL: requests that left in
  // their slots can reach it together after a pause of its own. The dispatcher's starts are held to the pace plus one
  // exactly in lib/broadcasts/faults.test.ts; here the bound allows 5% of the pace for the way there (CI saw 102–105
  // at 100 a second with two instances, on code whose starts keep the pace).
  expect.soft(figures.maxPerSecond).toBeLessThanOrEqual(pace + 1 + Math.ceil(pace * 0.05));
  expect.soft([...requestsPerPhone(sends)].filter(([, times]) => times > 1)).toEqual([]);
  // A row killed between its send record and its request is unknown without a request at the stub, rightly: Bellhop
  // cannot tell that from a request on its way. Without a record, it must have gone back to the list.
  expect.soft(figures.unknownWithoutRecord).toBe(0);
  expect.soft(figures.notFinal).toBe(0);
}
