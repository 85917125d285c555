// Page weight of every route (compressed JavaScript on a cold load, counted by Chromium) against its budget, on a
// sandbox Bellhop of its own with one send and one broadcast, so the detail pages have something to show. Prints JSON.
import {
  launchChromium,
  removeDatabase,
  sendOneText,
  signIn,
  startBellhop,
  waitFor,
} from "./bench-support.mjs";
import { budgetFor, scriptBytesOnColdLoad } from "./page-weight.mjs";

const PORT = 3193;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/bench-weight.db";
const ORDER_READY = "d980fb66fd5043d3ace1aa06ba044342"; // a sandbox template with one value
const SUPPORT_LINE = "a1f0c3d2e4b54c6d8e9f0a1b2c3d4e5f"; // the sandbox's main WhatsApp channel

async function main() {
  removeDatabase(DB_FILE);
  const server = startBellhop({ port: PORT, databaseFile: DB_FILE });
  const browser = await launchChromium();
  try {
    await waitFor(`${BASE}/api/health`);
    const signedIn = await browser.newContext({ baseURL: BASE });
    const page = await signedIn.newPage();
    await signIn(page, BASE);
    // One send and one broadcast (through its API, as the wizard posts it).
    await sendOneText(page);
    const created = await page.request.post("/api/broadcasts", {
      headers: { origin: BASE },
      data: {
        templateUuid: ORDER_READY,
        channelUuid: SUPPORT_LINE,
        ratePerSecond: 10,
        csv: "phone,name\n+31612345670,Ann\n+31612345671,Bob\n",
        mapping: { phone: 0, values: [1], mediaUrl: null },
        optin: true,
        idempotencyKey: `bench-${Date.now()}`,
      },
    });
    if (!created.ok()) throw new Error(`broadcast: ${created.status()} ${await created.text()}`);
    const { id: broadcastId } = await created.json();
    const { items } = await (await page.request.get("/api/history")).json();
    await page.close();

    const routes = {
      "/compose": "/compose",
      "/history": "/history",
      "/history/[id]": `/history/${items[0].id}`,
      "/broadcasts": "/broadcasts",
      "/broadcasts/new": "/broadcasts/new",
      "/broadcasts/[id]": `/broadcasts/${broadcastId}`,
      "/settings": "/settings",
      "/users": "/users",
    };
    const weights = {};
    for (const [route, url] of Object.entries(routes)) {
      const load = await scriptBytesOnColdLoad(signedIn, url);
      if (load.status !== 200) throw new Error(`${url} answered ${load.status}`);
      weights[route] = load;
    }
    const signedOut = await browser.newContext({ baseURL: BASE });
    weights["/login"] = await scriptBytesOnColdLoad(signedOut, "/login");
    const result = Object.fromEntries(
      Object.entries(weights).map(([route, load]) => {
        const kB = Math.round(load.bytes / 100) / 10;
        return [route, { kB, files: load.files, budgetKB: budgetFor(route), met: kB <= budgetFor(route) }];
      }),
    );
    if (process.env.BENCH_WEIGHT_FILES) {
      for (const [route, load] of Object.entries(weights)) {
        console.error(route, load.scripts.map((s) => `${s.path.split("/").pop()} ${s.bytes}`).join(", "));
      }
    }
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    removeDatabase(DB_FILE);
  }
}

await main();
