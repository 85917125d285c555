import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { auditBroadcast, startBellhop, stopBellhop, waitUntilUp } from "./bellhop-process";
import { e2eDatabaseUrl, freshDatabase } from "./databases.mjs";
import { expectPaceKept } from "./fault-figures";
import { ComposePage, STUB_URL, signIn, startOrderReadyBroadcast, stub, uniquePhone } from "./support";

// Two Bellhop processes (ports 3107 and 3108) on one PostgreSQL database, as behind a load balancer. Only in the
// PostgreSQL pass (E2E_POSTGRES_URL): the embedded SQLite is one instance's.
const A = "http://127.0.0.1:3107";
const B = "http://127.0.0.1:3108";
const ROWS = 1_200;
const RATE = 100;

test.describe.configure({ timeout: 240_000 });

/** Reads the shared database directly: which instances claimed the broadcast's rows, and how many are done. */
async function claims(broadcastId: string) {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl("instances") });
  await client.connect();
  try {
    const { rows } = await client.query<{ claimed_by: string | null; state: string; rows: string }>(
      `select claimed_by, state, count(*) as rows from broadcast_recipients where broadcast_id = $1
       group by claimed_by, state`,
      [Number(broadcastId)],
    );
    const claimers = new Set(rows.flatMap((row) => (row.claimed_by ? [row.claimed_by] : [])));
    const done = rows
      .filter((row) => !["waiting", "sending"].includes(row.state))
      .reduce((sum, row) => sum + Number(row.rows), 0);
    const unknownBy = new Set(rows.filter((row) => row.state === "unknown").map((row) => row.claimed_by));
    return { claimers, done, unknownBy };
  } finally {
    await client.end();
  }
}

/** Every POST of this page (its server actions) is answered by the other instance, as a load balancer might. */
async function answerActionsFrom(page: Page, other: string) {
  let routed = 0;
  await page.route(/\/compose$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    routed += 1;
    // Behind a load balancer both instances see the public origin; here the other instance's own address is it.
    const headers: Record<string, string> = { ...route.request().headers(), origin: other };
    delete headers.host;
    const response = await route.fetch({ url: `${other}/compose`, headers });
    await route.fulfill({ response });
  });
  return () => routed;
}

test("two instances on one PostgreSQL act as one Bellhop, and a 1,200-row broadcast survives losing one", async ({
  browser,
}) => {
  await freshDatabase("instances");
  const servers = [startBellhop(3107, "instances"), startBellhop(3108, "instances")];
  try {
    await Promise.all([waitUntilUp(A), waitUntilUp(B)]);

    // Signed in on A, the same session is good on B.
    const onA = await browser.newContext({ baseURL: A });
    const pageA = await onA.newPage();
    await signIn(pageA);
    await expect(pageA).toHaveURL(/\/compose$/);
    const onB = await browser.newContext({ baseURL: B, storageState: await onA.storageState() });
    const pageB = await onB.newPage();
    await pageB.goto("/compose");
    await expect(pageB).toHaveURL(`${B}/compose`);

    // A send through each instance, and one whose page came from A but whose action B ran.
    const [toA, toB, crossed] = [uniquePhone(), uniquePhone(), uniquePhone()];
    await new ComposePage(pageA).sendText(toA, "Sent through A");
    await new ComposePage(pageB).sendText(toB, "Sent through B");
    const routed = await answerActionsFrom(pageA, B);
    await new ComposePage(pageA).sendText(crossed, "Page from A, action on B");
    expect(routed()).toBeGreaterThan(0);
    await pageA.unrouteAll();
    for (const to of [toA, toB, crossed]) expect(await stub.sendsTo(to)).toHaveLength(1);

    // Each send is in both instances' history at once.
    for (const page of [pageA, pageB]) {
      await page.goto("/history");
      for (const to of [toA, toB, crossed])
        await expect(page.getByRole("row").filter({ hasText: to })).toHaveCount(1);
    }

    // A broadcast started on A: both instances dispatch it, at its pace between them.
    const prefix = `+3170${String(Math.floor(Math.random() * 1e3)).padStart(3, "0")}`;
    const phones = Array.from({ length: ROWS }, (_, index) => `${prefix}${String(index).padStart(4, "0")}`);
    // Each send takes 200 ms at the stub, so both instances have some in flight when one dies.
    await fetch(`${STUB_URL}/__control/latency`, {
      method: "POST",
      body: JSON.stringify({ prefix, ms: 200 }),
    });
    await startOrderReadyBroadcast(pageA, phones, RATE);
    const broadcastId = pageA.url().split("/").pop()!;
    await expect.poll(async () => (await claims(broadcastId)).claimers.size, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await claims(broadcastId)).done, { timeout: 60_000 }).toBeGreaterThan(400);

    // B dies (kill -9) in the middle; A carries on alone.
    const killedAt = Date.now();
    await stopBellhop(servers[1]!);
    const ours = new Set(phones);
    const sends = (await stub.requests()).filter(
      (request) => typeof request.body?.to === "string" && ours.has(request.body.to as string),
    );
    const sentBeforeKill = sends.filter((request) => request.at <= killedAt);
    const seconds = (killedAt - sentBeforeKill[0]!.at) / 1000;
    // Both instances together kept the broadcast's pace (a second of catch-up aside), not twice it.
    expect(sentBeforeKill.length).toBeLessThanOrEqual(RATE * seconds + RATE);

    const progress = pageA.getByRole("progressbar", { name: "Broadcast progress" });
    await pageA.goto(`/broadcasts/${broadcastId}`);
    await expect(progress).toHaveAttribute("aria-valuenow", String(ROWS), { timeout: 120_000 });
    await expect(pageA.getByTestId("broadcast-state")).toContainText("completed");

    // Statuses were polled by one instance at a time: no message was asked about twice in a row within its backoff.
    const polls = new Map<string, number[]>();
    for (const request of await stub.requests()) {
      if (!request.path.startsWith("/v1/messages/status/")) continue;
      polls.set(request.path, [...(polls.get(request.path) ?? []), request.at]);
    }
    expect(polls.size).toBeGreaterThan(0);
    const gaps = [...polls.values()].flatMap((times) =>
      times.slice(1).map((at, index) => at - times[index]!),
    );
    expect(gaps.filter((gap) => gap < 4_000)).toEqual([]);

    // The pace held through the takeover (the pace + 1 in any one second, within 5% as the stub sees it), and no row is unknown without a
    // request that may have left (issue 20; the figures go in the bench report).
    await expectPaceKept(
      "takeover (PostgreSQL, two instances)",
      "instances",
      Number(broadcastId),
      prefix,
      RATE,
      killedAt,
    );

    // Every row sent exactly once or unknown, none twice; the unknown rows are the dead instance's.
    const unknown = await auditBroadcast(pageA, broadcastId, phones);
    expect(unknown).toBeGreaterThan(0);
    const { unknownBy, claimers } = await claims(broadcastId);
    expect(unknownBy.size).toBe(1);
    expect(claimers.size).toBe(2);
    console.log(
      `two instances: ${sentBeforeKill.length} sends in ${seconds.toFixed(1)} s before the kill ` +
        `(${(sentBeforeKill.length / seconds).toFixed(1)} a second, pace ${RATE}); ` +
        `${unknown} of ${ROWS} unknown (in flight on the killed instance); the rest sent once`,
    );
    await onA.close();
    await onB.close();
  } finally {
    await Promise.all(servers.map(stopBellhop));
  }
});
