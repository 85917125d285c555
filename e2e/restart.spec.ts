import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, freshDatabase } from "./databases.mjs";
import { NEXT_START_ARGS } from "./next-start.mjs";
import { ADMIN, STUB_TOKEN, STUB_URL, signIn } from "./support";

// This test starts, kills (SIGKILL, as `kill -9`) and restarts its own Bellhop, so it owns port 3106.
const PORT = 3106;
const BASE = `http://127.0.0.1:${PORT}`;
const ROWS = 120;

function startBellhop(): ChildProcess {
  return spawn(process.execPath, [...NEXT_START_ARGS, "-p", String(PORT)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      CALLBELL_API_URL: `${STUB_URL}/v1`,
      CALLBELL_API_TOKEN: STUB_TOKEN,
      CALLBELL_TIMEOUT_MS: "3000",
      DATABASE_URL: e2eDatabaseUrl("restart"),
      BELLHOP_ADMIN_EMAIL: ADMIN.email,
      BELLHOP_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: "ignore",
  });
}

/** `kill -9`, and wait until the process is gone (its port free). */
async function stopBellhop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGKILL");
  await exited;
}

async function waitUntilUp() {
  await expect
    .poll(
      async () =>
        (await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null))
          ?.status ?? 0,
      { timeout: 30_000 },
    )
    .toBe(200);
}

test.describe.configure({ timeout: 120_000 });

test("killed in the middle of a broadcast and started again, Bellhop sends every row at most once", async ({
  browser,
}) => {
  await freshDatabase("restart");
  const prefix = `+3169${String(Math.floor(Math.random() * 1e3)).padStart(3, "0")}`;
  const phones = Array.from({ length: ROWS }, (_, index) => `${prefix}${String(index).padStart(4, "0")}`);
  // Every send to these numbers takes 300 ms at the stub, so some are in flight when the process dies.
  await fetch(`${STUB_URL}/__control/latency`, { method: "POST", body: JSON.stringify({ prefix, ms: 300 }) });

  let server = startBellhop();
  try {
    await waitUntilUp();
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await signIn(page);
    await expect(page).toHaveURL(/\/compose$/);
    await page.goto("/broadcasts/new");
    await page.getByLabel("Template", { exact: true }).selectOption({ label: "Order ready" });
    await page.getByLabel("Sends per second").fill("20");
    await page
      .getByLabel("Or paste the rows")
      .fill(["phone,name", ...phones.map((phone) => `${phone},Kim`)].join("\n"));
    await page.getByRole("button", { name: "Read pasted rows" }).click();
    await expect(page.getByRole("list", { name: "Report summary" })).toContainText(
      `${ROWS} recipient(s) ready`,
    );
    await page.getByLabel("Every recipient opted in to receive this template").check();
    await page.getByLabel("Type the number of recipients").fill(String(ROWS));
    await page.getByRole("button", { name: "Start broadcast" }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    const url = page.url();
    const progress = page.getByRole("progressbar", { name: "Broadcast progress" });
    await expect
      .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 20_000 })
      .toBeGreaterThan(20);

    await stopBellhop(server);
    server = startBellhop();
    await waitUntilUp();

    await page.goto(url);
    await expect(progress).toHaveAttribute("aria-valuenow", String(ROWS), { timeout: 40_000 });
    await expect(page.getByTestId("broadcast-state")).toContainText("completed");

    // Every row is accounted for, and the stub saw no number twice.
    const report = await page.request.get(`/api/broadcasts/${url.split("/").pop()}/export`);
    const lines = (await report.text())
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(lines).toHaveLength(ROWS);
    const statusOf = new Map(lines.map((line) => [line.split(",")[1]!, line.split(",")[4]!]));
    const seen = new Map<string, number>();
    const all = (await (await fetch(`${STUB_URL}/__control/requests`)).json()) as {
      body?: { to?: string };
    }[];
    for (const request of all) {
      const to = request.body?.to;
      if (to?.startsWith(prefix)) seen.set(to, (seen.get(to) ?? 0) + 1);
    }
    const twice = [...seen].filter(([, times]) => times > 1);
    expect(twice).toEqual([]);
    let unknown = 0;
    for (const phone of phones) {
      const status = statusOf.get(phone);
      if (status === "unknown") {
        unknown += 1;
        expect(seen.get(phone) ?? 0).toBeLessThanOrEqual(1);
      } else {
        expect(status).toBe("enqueued");
        expect(seen.get(phone)).toBe(1);
      }
    }
    // The kill came while sends were on their way.
    expect(unknown).toBeGreaterThan(0);
    await context.close();
  } finally {
    await stopBellhop(server);
  }
});
