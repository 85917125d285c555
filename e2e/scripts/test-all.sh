#!/usr/bin/env bash
# Every test Bellhop has: lint, typecheck, unit (Vitest), production build, end to end (Playwright in Debian's Chromium),
# the unit and end-to-end suites once on SQLite and once on PostgreSQL (started here, installed when missing).
# Ends with one line "N passed, N failed" that sums Vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH
reports="$(mktemp -d)"
failed_step=""

timings=""
step() {
  local name="$1" started=$SECONDS status=0
  echo "== $name"
  shift
  "$@" || status=$?
  timings="${timings}  $name: $((SECONDS - started)) s"$'\n'
  if [ "$status" -ne 0 ]; then failed_step="${failed_step:+$failed_step, }$name"; return 1; fi
}

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "== installing Debian's chromium (Playwright cannot download its own browser here)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || failed_step="chromium install"
fi
[ -d node_modules ] || npm install --no-audit --no-fund || failed_step="npm install"

# The unit and e2e suites run twice: on SQLite (the embedded default), then on PostgreSQL (several instances).
PG_URL="postgres://bellhop:bellhop@127.0.0.1:${PGPORT:-5432}"
E2E_DATABASES="live sandbox unreachable settings hooks first-run restart instances"

# The static checks share the two cores: lint and both typechecks (SQLite's and PostgreSQL's types) at once.
checks="$(mktemp -d)"
npx eslint > "$checks/lint" 2>&1 & lint_pid=$!
npx tsc --noEmit > "$checks/types-sqlite" 2>&1 & sqlite_pid=$!
npx tsc --noEmit -p tsconfig.postgres.json > "$checks/types-postgres" 2>&1 & postgres_pid=$!
finished() { wait "$1"; local status=$?; cat "$2"; return "$status"; }
step format npx prettier --check .
step lint finished "$lint_pid" "$checks/lint"
step "typecheck (SQLite types)" finished "$sqlite_pid" "$checks/types-sqlite"
step "typecheck (PostgreSQL types)" finished "$postgres_pid" "$checks/types-postgres"
rm -rf "$checks"
step "unit (SQLite)" npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest-sqlite.json"
postgres=""
if step "PostgreSQL" bash e2e/scripts/postgres.sh bellhop_test; then
  postgres=yes
  # Only the tests that open a database (every one does through testDatabase()): the rest do not see the dialect.
  mapfile -t database_tests < <(grep -rlE "testDatabase|lib/db/testing" lib --include='*.test.ts' | sort)
  # The configuration wants a shared BELLHOP_SECRET with PostgreSQL; the tests open no session, any will do.
  DATABASE_URL="$PG_URL/bellhop_test" BELLHOP_SECRET="unit-tests-on-postgresql-secret-0123456789" step "unit (PostgreSQL)" \
    npx vitest run "${database_tests[@]}" --reporter=default --reporter=json --outputFile="$reports/vitest-postgres.json"
fi
if step build npx next build; then
  node e2e/scripts/fresh-db.mjs $E2E_DATABASES
  step "e2e (SQLite)" npx playwright test
  [ -f test-results/playwright.json ] && cp test-results/playwright.json "$reports/playwright-sqlite.json"
  if [ -n "$postgres" ]; then
    export E2E_POSTGRES_URL="$PG_URL"
    node e2e/scripts/fresh-db.mjs $E2E_DATABASES
    step "e2e (PostgreSQL)" npx playwright test
    [ -f test-results/playwright.json ] && cp test-results/playwright.json "$reports/playwright-postgres.json"
    unset E2E_POSTGRES_URL
  fi
fi

node - "$reports" <<'NODE'
const fs = require("node:fs");
const dir = process.argv[2];
const read = (name) => { try { return JSON.parse(fs.readFileSync(`${dir}/${name}`, "utf8")); } catch { return null; } };
let passed = 0;
let failed = 0;
for (const db of ["sqlite", "postgres"]) {
  const vitest = read(`vitest-${db}.json`);
  const playwright = read(`playwright-${db}.json`);
  passed += (vitest?.numPassedTests ?? 0) + (playwright ? playwright.stats.expected + playwright.stats.flaky : 0);
  failed += (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0);
  console.log(`vitest (${db}): ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : "no report"}`);
  console.log(`playwright (${db}): ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.flaky} flaky, ${playwright.stats.unexpected} failed` : "no report"}`);
  // Name what failed (and what passed only on retry) here, where the tail of the log shows it.
  for (const file of vitest?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "failed") continue;
      const why = String(test.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300);
      console.log(`  failed: ${file.name.replace(process.cwd() + "/", "")} › ${test.fullName}: ${why}`);
    }
  }
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const error = test.results?.find((result) => result.error)?.error?.message ?? "";
        const why = error.replace(/\u001b\[[0-9;]*m/g, "").split("\n")[0].slice(0, 300);
        console.log(`  ${test.status === "flaky" ? "flaky" : "failed"}: [${test.projectName}] ${file}:${spec.line} › ${spec.title}: ${why}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, file);
  };
  for (const suite of playwright?.suites ?? []) walk(suite, suite.file);
}
fs.writeFileSync(`${dir}/summary`, `${passed} ${failed}`);
NODE
read -r passed failed < "$reports/summary"
# The reports stay under test-results/ (ignored by git) for a look at what took the time.
mkdir -p test-results && cp "$reports"/*.json test-results/ 2>/dev/null
rm -rf "$reports"
printf 'time per step (whole run %s s):\n%s' "$SECONDS" "$timings"
[ -n "$failed_step" ] && echo "failed steps: $failed_step"
echo "$passed passed, $failed failed"
[ -z "$failed_step" ] && [ "$failed" -eq 0 ]
