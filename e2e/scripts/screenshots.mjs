// The README's screenshots (issue 21): /compose, a template with its request, /history and a broadcast, at 1280×900, in light and dark, from a
// sandbox Bellhop of their own with a few sends and a broadcast behind them. `npm run screenshots` (after a build)
// writes docs/screenshots/<page>-<scheme>.png.
import { mkdirSync } from "node:fs";
import {
  launchChromium,
  removeDatabase,
  sendOneText,
  signIn,
  sleep,
  startBellhop,
  waitFor,
} from "../perf/bench-support.mjs";

const PORT = 3195;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/screenshots.db";
const OUT = "docs/screenshots";
const ORDER_READY = "d980fb66fd5043d3ace1aa06ba044342"; // a sandbox template with one value
const SUPPORT_LINE = "a1f0c3d2e4b54c6d8e9f0a1b2c3d4e5f"; // the sandbox's main WhatsApp channel

async function main() {
  mkdirSync(OUT, { recursive: true });
  removeDatabase(DB_FILE);
  const server = startBellhop({ port: PORT, databaseFile: DB_FILE });
  const browser = await launchChromium();
  try {
    await waitFor(`${BASE}/api/health`);
    const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, BASE);
    // A morning's sends: delivered, read, and one that Callbell reports failed (a sandbox magic number).
    for (const recipient of ["+31612345678", "+447700900123", "+15550000999", "+34612345678"]) {
      await page.goto("/compose");
      await sendOneText(page, recipient);
    }
    const created = await page.request.post("/api/broadcasts", {
      headers: { origin: BASE },
      data: {
        templateUuid: ORDER_READY,
        channelUuid: SUPPORT_LINE,
        ratePerSecond: 2,
        csv: "phone,order\n+31612345670,A-1001\n+31612345671,A-1002\n+15550000999,A-1003\n+31612345673,A-1004\n+31612345674,A-1005\n+31612345675,A-1006\n",
        mapping: { phone: 0, values: [1], mediaUrl: null },
        optin: true,
        idempotencyKey: `screenshots-${Date.now()}`,
      },
    });
    if (!created.ok()) throw new Error(`broadcast: ${created.status()} ${await created.text()}`);
    const { id: broadcastId } = await created.json();
    await sleep(8_000); // the broadcast's rows go out and the sandbox reports their statuses

    const shots = {
      compose: async () => {
        // A fresh text form, not the draft the template shot left behind.
        await page.evaluate(() => localStorage.removeItem("bellhop:compose-draft"));
        await page.goto("/compose");
        await page.locator('fieldset[aria-busy="false"]').waitFor();
        await page.getByLabel("Recipient", { exact: true }).fill("+31612345678");
        await page.getByLabel("Message", { exact: true }).fill("Hi Anna, your order *A-1001* is on its way");
      },
      // A template with its value, and the request Callbell will receive (the Request disclosure opened).
      template: async () => {
        await page.goto("/compose");
        await page.locator('fieldset[aria-busy="false"]').waitFor();
        await page.getByLabel("Recipient", { exact: true }).fill("+31612345678");
        await page.getByRole("radio", { name: "Template", exact: true }).click();
        await page.getByLabel("Template", { exact: true }).fill("Order ready");
        await page.getByRole("option", { name: "Order ready", exact: true }).click();
        await page.getByLabel("Variable 1", { exact: true }).fill("A-1001");
        const request = page.getByRole("button", { name: "Request", exact: true });
        if ((await request.getAttribute("aria-expanded")) !== "true") await request.click();
      },
      history: async () => page.goto("/history"),
      broadcast: async () => page.goto(`/broadcasts/${broadcastId}`),
    };
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, open] of Object.entries(shots)) {
        await open();
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `${OUT}/${name}-${scheme}.png` });
        console.log(`${OUT}/${name}-${scheme}.png`);
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
