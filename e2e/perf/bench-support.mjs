// What every benchmark shares: its own Bellhop (`next start` as `npm start` runs it, on a database of its own), the
// admin it signs in as, Debian's Chromium, and the sums it reports.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import { createClient } from "@libsql/client";
import pg from "pg";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium.mjs";
import { NEXT_START_ARGS } from "../next-start.mjs";

export const BENCH_ADMIN = { email: "bench@bellhop.test", password: "bench-password-123" };

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process's resident memory in MB. */
export const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Waits until `url` answers 2xx (every `intervalMs`, for 30 s at most). */
export async function waitFor(url, intervalMs = 100) {
  for (let i = 0; i < 30_000 / intervalMs; i += 1) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {}
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer`);
}

export function removeDatabase(file) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Starts a Bellhop on `port` with the bench admin and `env` (a sandbox unless it names a Callbell).
 * `BENCH_SERVER_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is given to its Node, to see where time goes.
 */
export function startBellhop({ port, databaseFile, env = {} }) {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, ...NEXT_START_ARGS, "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      CALLBELL_API_TOKEN: "",
      DATABASE_URL: `file:./${databaseFile}`,
      BELLHOP_ADMIN_EMAIL: BENCH_ADMIN.email,
      BELLHOP_ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Stops a process: SIGTERM (a profile asked for by BENCH_SERVER_NODE_ARGS is written then), SIGKILL after 10 s. */
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const late = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(late);
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Signs `page` in as the bench admin, through the form, and waits for the compose page. */
export async function signIn(page, base) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email", { exact: true }).fill(BENCH_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(BENCH_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/compose$/);
}

/** Sends one text from the compose page (signed in) and waits for Bellhop to say it is enqueued. */
export async function sendOneText(page, recipient = "+31612345678") {
  await page.getByLabel("Recipient", { exact: true }).fill(recipient);
  await page.getByLabel("Message", { exact: true }).fill("Hello");
  await page.getByRole("button", { name: "Send message" }).click();
  await page.getByRole("status").filter({ hasText: "Message enqueued" }).waitFor();
}

/** A PostgreSQL database of a benchmark's own on the server at `base` (postgres://user:password@host:port), dropped
 * and created again; its URL. */
export async function freshPostgres(base, name) {
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query("set client_min_messages = warning");
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return `${base}/${name}`;
}

/** The Callbell stub (e2e/stub/callbell-stub.mjs) on `port`, answering to `token`; it records every request. */
export function startStub(port, token) {
  return spawn(process.execPath, ["e2e/stub/callbell-stub.mjs"], {
    env: { ...process.env, STUB_PORT: String(port), STUB_TOKEN: token },
    stdio: "ignore",
  });
}

/**
 * A benchmark's own connection to the server's database, to seed and to count: the SQLite file `databaseFile`, or
 * PostgreSQL at `pgUrl` when given. `batch` runs inserts (`?` placeholders, times in ms as their 2nd and 3rd
 * arguments) in one transaction; `first` answers a query's first row.
 */
export async function openBenchDatabase({ databaseFile, pgUrl }) {
  if (!pgUrl) {
    const db = createClient({ url: `file:./${databaseFile}` });
    await db.execute("PRAGMA busy_timeout = 5000");
    return {
      batch: (statements) => db.batch(statements, "write"),
      first: async (sql) => (await db.execute(sql)).rows[0],
      close: () => db.close(),
    };
  }
  const db = new pg.Client({ connectionString: pgUrl });
  await db.connect();
  const numbered = (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    async batch(statements) {
      await db.query("begin");
      for (const { sql, args } of statements) {
        // Times are milliseconds in SQLite; PostgreSQL keeps timestamptz.
        await db.query(
          numbered(sql),
          args.map((arg, index) => (index === 1 || index === 2 ? new Date(arg) : arg)),
        );
      }
      await db.query("commit");
    },
    first: async (sql) => (await db.query(sql)).rows[0],
    close: () => db.end(),
  };
}
