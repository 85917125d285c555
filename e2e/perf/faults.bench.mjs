// Broadcasts under faults (issue 20): runs the e2e fault suite (e2e/faults.spec.ts, restart.spec.ts, and on
// PostgreSQL instances.spec.ts) once on SQLite and once on
// PostgreSQL (started, or installed, by e2e/scripts/postgres.sh), and prints the figures each case wrote: sends,
// distinct recipients, duplicates, rows unknown with and without a request, the busiest second against the pace, and
// after a 429 storm the time from the last 429 to the end. Needs a build (npm run bench makes one). Prints JSON.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

// Outside test-results/, which Playwright empties at the start of each run.
const FIGURES = "data/bench-fault-figures.jsonl";
const E2E_DATABASES = [
  "live",
  "sandbox",
  "unreachable",
  "settings",
  "hooks",
  "first-run",
  "restart",
  "instances",
];

function run(env, projects) {
  execFileSync(process.execPath, ["e2e/scripts/fresh-db.mjs", ...E2E_DATABASES], { env, stdio: "inherit" });
  try {
    execFileSync(
      "npx",
      ["playwright", "test", ...projects.map((name) => `--project=${name}`), "--reporter=line"],
      {
        env: { ...env, FAULT_FIGURES_FILE: FIGURES },
        stdio: ["ignore", process.stderr, "inherit"],
      },
    );
    return true;
  } catch {
    return false;
  }
}

rmSync(FIGURES, { force: true });
const passedSqlite = run({ ...process.env }, ["faults", "restart"]);
execFileSync("bash", ["e2e/scripts/postgres.sh"], { stdio: ["ignore", process.stderr, "inherit"] });
// The restart is e2e/restart.spec.ts; on PostgreSQL the takeover by a second instance too (e2e/instances.spec.ts).
const passedPostgres = run(
  { ...process.env, E2E_POSTGRES_URL: "postgres://bellhop:bellhop@127.0.0.1:5432" },
  ["faults", "instances"],
);
const cases = readFileSync(FIGURES, "utf8")
  .trim()
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
console.log(JSON.stringify({ passed: passedSqlite && passedPostgres, cases }, null, 2));
