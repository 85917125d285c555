import { expect, test } from "@playwright/test";
import { auditBroadcast, startBellhop, stopBellhop, waitUntilUp } from "./bellhop-process";
import { freshDatabase } from "./databases.mjs";
import { expectPaceKept } from "./fault-figures";
import { STUB_URL, signIn, startOrderReadyBroadcast } from "./support";

// This test starts, kills (SIGKILL, as `kill -9`) and restarts its own Bellhop, so it owns port 3106.
const PORT = 3106;
const BASE = `http://127.0.0.1:${PORT}`;
const ROWS = 400;
const RATE = 100;

test.describe.configure({ timeout: 120_000 });

test("killed in the middle of a broadcast and started again, Bellhop sends every row at most once", async ({
  browser,
}) => {
  await freshDatabase("restart");
  const prefix = `+3169${String(Math.floor(Math.random() * 1e3)).padStart(3, "0")}`;
  const phones = Array.from({ length: ROWS }, (_, index) => `${prefix}${String(index).padStart(4, "0")}`);
  // Every send to these numbers takes 100 ms at the stub, so some are in flight when the process dies.
  await fetch(`${STUB_URL}/__control/latency`, { method: "POST", body: JSON.stringify({ prefix, ms: 100 }) });

  let server = startBellhop(PORT, "restart");
  try {
    await waitUntilUp(BASE);
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await signIn(page);
    await expect(page).toHaveURL(/\/compose$/);
    await startOrderReadyBroadcast(page, phones, RATE);
    const url = page.url();
    const progress = page.getByRole("progressbar", { name: "Broadcast progress" });
    await expect
      .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 20_000 })
      .toBeGreaterThan(20);

    await stopBellhop(server);
    const killedAt = Date.now();
    server = startBellhop(PORT, "restart");
    await waitUntilUp(BASE);

    await page.goto(url);
    await expect(progress).toHaveAttribute("aria-valuenow", String(ROWS), { timeout: 40_000 });
    await expect(page.getByTestId("broadcast-state")).toContainText("completed");

    // Every row is accounted for, and the stub saw no number twice.
    const unknown = await auditBroadcast(page, url.split("/").pop()!, phones);
    // The kill came while sends were on their way.
    expect(unknown).toBeGreaterThan(0);
    // The restarted broadcast starts at its pace, not with a burst: at most the pace + 1 in any one second, and no row
    // unknown without a send that may have left (issue 20; the figures go in the bench report).
    await expectPaceKept(
      `restart (kill -9, one instance)`,
      "restart",
      Number(url.split("/").pop()),
      prefix,
      RATE,
      killedAt,
    );
    await context.close();
  } finally {
    await stopBellhop(server);
  }
});
