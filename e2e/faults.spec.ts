import { spawn } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { SEND_MAX_ATTEMPTS } from "../lib/callbell/retry-policy";
import { startBellhop, stopBellhop, waitUntilUp } from "./bellhop-process";
import { freshDatabase } from "./databases.mjs";
import {
  broadcastRows,
  broadcastState,
  faultFigures,
  query,
  requestsPerPhone,
  sendsTo,
  waitForCompletion,
} from "./fault-figures";
import { ComposePage, STUB_TOKEN, STUB_URL, signIn, startOrderReadyBroadcast } from "./support";

// Faults from outside (issue 20): kill -9 between a claim and its send record, a 429 storm, Callbell refusing
// connections. The pace through kill -9 and a restart is checked in restart.spec.ts, through a takeover by a second
// instance in instances.spec.ts. Each test has a Bellhop (and database) of
// its own on ports 3111–3117, and the tests of this file run one after the other (their clocks are measured).
const postgres = Boolean(process.env.E2E_POSTGRES_URL);
const base = (port: number) => `http://127.0.0.1:${port}`;

/** The stub's storm for these numbers: how many it has left to answer so, how many it did, and when the last was. */
async function stormOf(prefix: string) {
  const response = await fetch(`${STUB_URL}/__control/storm?prefix=${encodeURIComponent(prefix)}`);
  return (await response.json()) as { times: number; answered: number; lastAt: number | null };
}

test.describe.configure({ mode: "default", timeout: 120_000 });

/** Numbers no other test uses: `+3172`, the case, two random digits, then the row's index. */
const phonesFor = (testCase: number, rows: number) => {
  const prefix = `+3172${testCase}${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
  return { prefix, phones: Array.from({ length: rows }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`) };
};

/** Signs in on the Bellhop at `port` and starts an "Order ready" broadcast; returns the page and the broadcast id. */
async function startBroadcast(browser: Browser, port: number, phones: string[], pace: number) {
  const context = await browser.newContext({ baseURL: base(port) });
  const page = await context.newPage();
  await signIn(page);
  await expect(page).toHaveURL(/\/compose$/);
  await startOrderReadyBroadcast(page, phones, pace);
  return { context, page, broadcastId: Number(page.url().split("/").pop()) };
}

async function waitForSends(prefix: string, count: number, timeout = 30_000) {
  await expect
    .poll(async () => (await sendsTo(prefix)).length, { timeout, intervals: [100] })
    .toBeGreaterThanOrEqual(count);
}

test("a row claimed by a killed instance with no send record is sent exactly once, not marked unknown", async ({
  browser,
}) => {
  const database = "faults-claim";
  await freshDatabase(database);
  const { prefix, phones } = phonesFor(1, 60);
  let server = startBellhop(3111, database);
  try {
    await waitUntilUp(base(3111));
    const { context, broadcastId } = await startBroadcast(browser, 3111, phones, 20);
    await waitForSends(prefix, 10);
    await stopBellhop(server);

    // What a kill between the claim and the send record leaves: rows `sending`, claimed by an instance that is gone,
    // one attempt counted, and no row in `sends`. (The leases go too: the killed instance's would have expired.)
    const forged = await query<{ id: number; phone: string }>(
      database,
      `select id, phone from broadcast_recipients where broadcast_id = $1 and state = 'waiting'
       order by id desc limit 3`,
      [broadcastId],
    );
    expect(forged).toHaveLength(3);
    for (const row of forged)
      await query(
        database,
        `update broadcast_recipients set state = 'sending', claimed_by = 'instance-killed-before-its-send-record',
         attempts = attempts + 1 where id = $1`,
        [Number(row.id)],
      );
    await query(database, "delete from leases where name like 'instance:%'");

    server = startBellhop(3111, database);
    await waitUntilUp(base(3111));
    await waitForCompletion(database, broadcastId, 40_000);

    const sends = await sendsTo(prefix);
    const rows = await broadcastRows(database, broadcastId);
    const figures = faultFigures(
      `claim-without-record (${postgres ? "PostgreSQL" : "SQLite"})`,
      sends,
      rows,
      20,
    );
    const perPhone = requestsPerPhone(sends);
    const forgedRows = rows.filter((row) => forged.some((f) => Number(f.id) === row.id));
    // Each forged row went out once and is enqueued.
    expect
      .soft(forgedRows.map((row) => [row.phone, perPhone.get(row.phone) ?? 0, row.state]))
      .toEqual(forgedRows.map((row) => [row.phone, 1, "enqueued"]));
    // No number got two requests; a row is unknown only if a request for it may have left.
    expect.soft([...perPhone].filter(([, times]) => times > 1)).toEqual([]);
    expect
      .soft(
        rows.filter((row) => row.state === "unknown" && !perPhone.has(row.phone) && row.sendRecords === 0),
      )
      .toEqual([]);
    expect.soft(figures.notFinal).toBe(0);
    await context.close();
  } finally {
    await stopBellhop(server);
  }
});

test("after a storm of 40 429s a broadcast keeps its pace, recovers within seconds, and keeps one history entry per recipient", async ({
  browser,
}) => {
  test.skip(postgres, "the pace and retry rules do not depend on the database");
  const database = "faults-storm";
  await freshDatabase(database);
  const pace = 10;
  const { prefix, phones } = phonesFor(4, 50);
  await fetch(`${STUB_URL}/__control/storm`, {
    method: "POST",
    body: JSON.stringify({ prefix, status: 429, times: 40 }),
  });
  const server = startBellhop(3115, database);
  try {
    await waitUntilUp(base(3115));
    const { context, broadcastId } = await startBroadcast(browser, 3115, phones, pace);
    // Until it completes, or until it has not 15 s after the last 429 (the rule broken: no need to wait for the rest),
    // or at most 100 s (today's code was still in the storm after a minute).
    test.setTimeout(150_000);
    const deadline = Date.now() + 100_000;
    let storm = await stormOf(prefix);
    let finishedAt: number | null = null;
    while (Date.now() < deadline) {
      if ((await broadcastState(database, broadcastId)) === "completed") {
        finishedAt = Date.now();
        break;
      }
      storm = await stormOf(prefix);
      if (storm.times === 0 && Date.now() - storm.lastAt! > 15_000) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const sends = await sendsTo(prefix);
    const rows = await broadcastRows(database, broadcastId);
    const recoveryMs = (finishedAt ?? Date.now()) - storm.lastAt!;
    const lastSendMs = Math.max(...sends.map((send) => send.at)) - storm.lastAt!;
    const history = await query<{ recipient: string; entries: number | string }>(
      database,
      "select recipient, count(*) as entries from sends where broadcast_id = $1 group by recipient",
      [broadcastId],
    );
    const entries = history.reduce((sum, row) => sum + Number(row.entries), 0);
    const mostRequests = Math.max(...requestsPerPhone(sends).values());
    const figures = faultFigures(
      "429 storm (SQLite)",
      sends,
      rows,
      pace,
      `; ${storm.answered} of 40 429s answered, ${finishedAt ? "" : "not finished "}${(recoveryMs / 1000).toFixed(1)} s from the last 429 to the end (last send ` +
        `${(lastSendMs / 1000).toFixed(1)} s after it); at most ${mostRequests} requests to one recipient; ` +
        `${entries} history entries for ${phones.length} recipients; ` +
        `${rows.filter((row) => row.state === "enqueued").length} enqueued`,
    );
    expect.soft(storm.answered).toBe(40);
    expect.soft(figures.notFinal).toBe(0);
    expect.soft(finishedAt !== null && recoveryMs <= 15_000).toBe(true);
    expect.soft(mostRequests).toBeLessThanOrEqual(SEND_MAX_ATTEMPTS);
    expect.soft(history.filter((row) => Number(row.entries) !== 1)).toEqual([]);
    expect.soft(entries).toBe(phones.length);
    expect.soft(figures.maxPerSecond).toBeLessThanOrEqual(pace + 1);
    expect.soft(figures.duplicates).toBe(0);
    await context.close();
  } finally {
    await stopBellhop(server);
  }
});

test("a send while Callbell refuses connections is shown as not sent, never as rejected", async ({
  browser,
}) => {
  // What is stored is the same on both databases, and checked on PostgreSQL by the unit pass (retry-budget.test.ts).
  test.skip(postgres, "the status is the database's alike");
  const database = "faults-refused";
  await freshDatabase(database);
  // A Callbell of this test's own (port 3117): up while the compose page reads the account, then gone.
  const callbell = spawn(process.execPath, ["e2e/stub/callbell-stub.mjs"], {
    env: { ...process.env, STUB_PORT: "3117", STUB_TOKEN },
    stdio: "ignore",
  });
  const server = startBellhop(3116, database, { CALLBELL_API_URL: "http://127.0.0.1:3117/v1" });
  try {
    await waitUntilUp(base(3116));
    const context = await browser.newContext({ baseURL: base(3116) });
    const page = await context.newPage();
    await signIn(page);
    await expect(page).toHaveURL(/\/compose$/);
    const compose = new ComposePage(page);
    await compose.open();
    const to = phonesFor(5, 1).phones[0]!;
    await compose.field("Recipient").fill(to);
    await compose.field("Message").fill("Sent while Callbell refuses connections");
    await stopBellhop(callbell);
    await compose.send();

    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get(`/api/history?q=${encodeURIComponent(to)}`)).json()) as {
              items: { status: string }[];
            }
          ).items.map((item) => item.status),
        { timeout: 20_000 },
      )
      // Recorded (not an empty history: the send may not have reached the database yet) and answered.
      .toEqual([expect.not.stringMatching(/^sending$/)]);
    const stored = (
      (await (await page.request.get(`/api/history?q=${encodeURIComponent(to)}`)).json()) as {
        items: { status: string }[];
      }
    ).items.map((item) => item.status);
    console.log(`faults/refused connection: stored as ${JSON.stringify(stored)}`);
    expect.soft(stored).toEqual(["not_sent"]);

    // The history shows it as not sent, and its Status filter offers that status.
    await page.goto("/history");
    const row = page.getByRole("row").filter({ hasText: to });
    await expect.soft(row).toContainText("not sent");
    await expect.soft(row).not.toContainText("rejected");
    await expect
      .soft(page.getByLabel("Status", { exact: true }).locator('option[value="not_sent"]'))
      .toHaveCount(1);

    // The API finds it by that status, and the export writes it.
    const byStatus = await page.request.get(`/api/history?status=not_sent&q=${encodeURIComponent(to)}`);
    expect.soft(byStatus.status()).toBe(200);
    if (byStatus.ok()) expect.soft(((await byStatus.json()) as { items: unknown[] }).items).toHaveLength(1);
    const csv = await (await page.request.get(`/api/history/export?q=${encodeURIComponent(to)}`)).text();
    const [header, ...lines] = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    const status = header!.split(",").indexOf("status");
    expect.soft(lines.map((line) => line.split(",")[status])).toEqual(["not_sent"]);
    await context.close();
  } finally {
    await stopBellhop(callbell);
    await stopBellhop(server);
  }
});
