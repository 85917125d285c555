import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/chromium.mjs";
import { e2eDatabaseEnv } from "./e2e/databases.mjs";
import { NEXT_START_ARGS } from "./e2e/next-start.mjs";
import { dirname } from "node:path";
import {
  ADMIN,
  FIRST_RUN_LOG,
  SERVERS,
  STUB_TOKEN,
  STUB_URL,
  WEBHOOK_SECRET,
  storageStateFor,
} from "./e2e/support";

const next = ["node", ...NEXT_START_ARGS].join(" ");
const common = {
  NEXT_TELEMETRY_DISABLED: "1",
  CALLBELL_TIMEOUT_MS: "3000",
  BELLHOP_ADMIN_EMAIL: ADMIN.email,
  BELLHOP_ADMIN_PASSWORD: ADMIN.password,
};

/**
 * The PostgreSQL pass runs the specs whose pages write and read Bellhop's database in ways only a running Bellhop
 * shows (history, broadcasts, delivery, users, settings, hooks, first run, restart, faults, two instances). It skips
 * what the browser gets whatever the database (accessibility, page weight, phone width, previews, the accessible
 * names of docs/automation.md, security headers and body limits, the 24-hour window, the template picker, the compose
 * form, Callbell's account lists, the sandbox's magic numbers) and the specs whose queries the unit pass runs on
 * PostgreSQL (sessions and sign-in throttling, the audit log, send records and idempotency keys, send again), and the
 * edge's proxy rules. Every page still opens on PostgreSQL: the setup signs in there and the kept specs visit them.
 */
const postgresPass = Boolean(process.env.E2E_POSTGRES_URL);
const databaseBlind =
  /(a11y|page-weight|phone|preview|proxies|automation|security|window|templates|theme|compose-layout|compose-outcome|consistency|compose|channels|unreachable|hardening|token-from-env|sandbox|auth|audit|send-again)\.spec\.ts/;

export default defineConfig({
  testDir: "./e2e",
  testIgnore: ["**/perf/**"],
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    trace: "on-first-retry",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "live",
      testIgnore: [
        /(sandbox|compose-outcome|unreachable|first-run|settings|hooks|webhook-health|replies|broadcasts|broadcast-timing|audit|automation|restart|instances|proxies|faults|scheduler-kill)\.spec\.ts/,
        ...(postgresPass ? [databaseBlind] : []),
      ],
      dependencies: ["setup"],
      use: { baseURL: SERVERS.live, storageState: storageStateFor("live") },
    },
    {
      name: "sandbox",
      testMatch: /(sandbox|compose-outcome|broadcasts|broadcast-timing|audit|automation)\.spec\.ts/,
      testIgnore: postgresPass ? [databaseBlind] : [],
      dependencies: ["setup"],
      use: { baseURL: SERVERS.sandbox, storageState: storageStateFor("sandbox") },
    },
    // Bellhop with a token but no Callbell answering: every account list fails.
    {
      name: "unreachable",
      testMatch: /unreachable\.spec\.ts/,
      dependencies: ["setup"],
      use: { baseURL: SERVERS.unreachable, storageState: storageStateFor("unreachable") },
    },
    // A Bellhop whose token is set on /settings; its tests change the mode, so no other project shares it.
    {
      name: "settings",
      testMatch: /settings\.spec\.ts/,
      dependencies: ["setup"],
      use: { baseURL: SERVERS.settings, storageState: storageStateFor("settings") },
    },
    {
      name: "hooks",
      testMatch: /(hooks|webhook-health|replies)\.spec\.ts/,
      dependencies: ["setup"],
      use: { baseURL: SERVERS.hooks, storageState: storageStateFor("hooks") },
    },
    // Starts, kills and restarts a Bellhop of its own (port 3106) against the stub.
    { name: "restart", testMatch: /restart\.spec\.ts/ },
    // Messages sent later through kill -9 and a restart, with a Bellhop of its own (port 3120), on both databases.
    { name: "scheduler-kill", testMatch: /scheduler-kill\.spec\.ts/ },
    // Faults from outside (kill -9, a takeover, a 429 storm, Callbell refusing connections), one test after the other,
    // each with Bellhops of its own (ports 3111–3116) and a Callbell stub of its own on 3117.
    { name: "faults", testMatch: /faults\.spec\.ts/, fullyParallel: false },
    // Bellhops of its own (ports 3109 and 3110), with and without a trusted proxy in front.
    ...(postgresPass ? [] : [{ name: "proxies", testMatch: /proxies\.spec\.ts/ }]),
    // Two Bellhops (ports 3107 and 3108) on one PostgreSQL database: only in the PostgreSQL pass.
    ...(process.env.E2E_POSTGRES_URL ? [{ name: "instances", testMatch: /instances\.spec\.ts/ }] : []),
    // A Bellhop with no user at all, for the one-time /setup.
    { name: "first-run", testMatch: /first-run\.spec\.ts/, use: { baseURL: "http://127.0.0.1:3103" } },
  ],
  webServer: [
    {
      command: "node e2e/stub/callbell-stub.mjs",
      url: `${STUB_URL}/__control/health`,
      env: { STUB_PORT: new URL(STUB_URL).port, STUB_TOKEN },
      reuseExistingServer: false,
    },
    {
      command: `${next} -p ${new URL(SERVERS.live).port}`,
      url: `${SERVERS.live}/api/health`,
      env: {
        ...common,
        CALLBELL_API_URL: `${STUB_URL}/v1`,
        CALLBELL_API_TOKEN: STUB_TOKEN,
        CALLBELL_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ...e2eDatabaseEnv("live"),
      },
      reuseExistingServer: false,
    },
    {
      command: `${next} -p ${new URL(SERVERS.sandbox).port}`,
      url: `${SERVERS.sandbox}/api/health`,
      env: { ...common, CALLBELL_API_TOKEN: "", ...e2eDatabaseEnv("sandbox") },
      reuseExistingServer: false,
    },
    {
      command: `${next} -p ${new URL(SERVERS.unreachable).port}`,
      url: `${SERVERS.unreachable}/api/health`,
      env: {
        ...common,
        CALLBELL_API_URL: "http://127.0.0.1:4019/v1",
        CALLBELL_API_TOKEN: STUB_TOKEN,
        ...e2eDatabaseEnv("unreachable"),
      },
      reuseExistingServer: false,
    },
    {
      command: `node e2e/scripts/fresh-db.mjs settings && ${next} -p ${new URL(SERVERS.settings).port}`,
      url: `${SERVERS.settings}/api/health`,
      env: {
        ...common,
        CALLBELL_API_URL: `${STUB_URL}/v1`,
        CALLBELL_API_TOKEN: "",
        ...e2eDatabaseEnv("settings"),
      },
      reuseExistingServer: false,
    },
    {
      command: `${next} -p ${new URL(SERVERS.hooks).port}`,
      url: `${SERVERS.hooks}/api/health`,
      env: {
        ...common,
        CALLBELL_API_TOKEN: "",
        CALLBELL_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ...e2eDatabaseEnv("hooks"),
      },
      reuseExistingServer: false,
    },
    {
      // Its output goes to a file, where e2e/first-run.spec.ts reads the line that says where to open /setup.
      command: `node e2e/scripts/fresh-db.mjs first-run && mkdir -p ${dirname(FIRST_RUN_LOG)} && exec ${next} -p 3103 > ${FIRST_RUN_LOG} 2>&1`,
      url: "http://127.0.0.1:3103/api/health",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        CALLBELL_API_TOKEN: "",
        ...e2eDatabaseEnv("first-run"),
      },
      reuseExistingServer: false,
    },
  ],
});
