import { spawn, type ChildProcess } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { e2eDatabaseEnv } from "./databases.mjs";
import { NEXT_START_ARGS } from "./next-start.mjs";
import { ADMIN, STUB_TOKEN, STUB_URL, stub } from "./support";

/**
 * A Bellhop of a test's own (the built app, against the stub), on `port` and the e2e database `database`, with any
 * further configuration in `env`.
 */
export function startBellhop(port: number, database: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [...NEXT_START_ARGS, "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      CALLBELL_API_URL: `${STUB_URL}/v1`,
      CALLBELL_API_TOKEN: STUB_TOKEN,
      CALLBELL_TIMEOUT_MS: "3000",
      ...e2eDatabaseEnv(database),
      BELLHOP_ADMIN_EMAIL: ADMIN.email,
      BELLHOP_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: "ignore",
  });
}

/** `kill -9`, and wait until the process is gone (its port free). */
export async function stopBellhop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGKILL");
  await exited;
}

export async function waitUntilUp(base: string) {
  await expect
    .poll(
      async () =>
        (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null))
          ?.status ?? 0,
      { timeout: 30_000 },
    )
    .toBe(200);
}

/**
 * After a broadcast ends: its report has every row, the stub saw no number twice, an enqueued row was sent exactly
 * once and an unknown one at most once. Returns how many rows are unknown.
 */
export async function auditBroadcast(page: Page, broadcastId: string, phones: string[]): Promise<number> {
  const report = await page.request.get(`/api/broadcasts/${broadcastId}/export`);
  const lines = (await report.text())
    .replace(/^\ufeff/, "")
    .trim()
    .split("\r\n")
    .slice(1);
  expect(lines).toHaveLength(phones.length);
  const statusOf = new Map(lines.map((line) => [line.split(",")[1]!, line.split(",")[4]!]));
  const ours = new Set(phones);
  const seen = new Map<string, number>();
  for (const request of await stub.requests()) {
    const to = request.body?.to;
    if (typeof to === "string" && ours.has(to)) seen.set(to, (seen.get(to) ?? 0) + 1);
  }
  expect([...seen].filter(([, times]) => times > 1)).toEqual([]);
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
  return unknown;
}
