#!/usr/bin/env bash
# Every test Bellhop has: lint, typecheck, unit (Vitest), production build, end to end (Playwright in Debian's Chromium).
# Ends with one line "N passed, N failed" that sums Vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH
reports="$(mktemp -d)"
failed_step=""

step() {
  echo "== $1"
  shift
  if ! "$@"; then failed_step="${failed_step:+$failed_step, }$1"; return 1; fi
}

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "== installing Debian's chromium (Playwright cannot download its own browser here)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || failed_step="chromium install"
fi
[ -d node_modules ] || npm install --no-audit --no-fund || failed_step="npm install"

step format npx prettier --check .
step lint npx eslint
step typecheck npx tsc --noEmit
step unit npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json"
if step build npx next build; then
  rm -f data/e2e-*.db data/e2e-*.db-*
  step e2e npx playwright test
  [ -f test-results/playwright.json ] && cp test-results/playwright.json "$reports/playwright.json"
fi

node - "$reports" <<'NODE'
const fs = require("node:fs");
const dir = process.argv[2];
const read = (name) => { try { return JSON.parse(fs.readFileSync(`${dir}/${name}`, "utf8")); } catch { return null; } };
const vitest = read("vitest.json");
const playwright = read("playwright.json");
const passed = (vitest?.numPassedTests ?? 0) + (playwright ? playwright.stats.expected + playwright.stats.flaky : 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0);
console.log(`vitest: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : "no report"}`);
console.log(`playwright: ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.flaky} flaky, ${playwright.stats.unexpected} failed` : "no report"}`);
fs.writeFileSync(`${dir}/summary`, `${passed} ${failed}`);
NODE
read -r passed failed < "$reports/summary"
rm -rf "$reports"
[ -n "$failed_step" ] && echo "failed steps: $failed_step"
echo "$passed passed, $failed failed"
[ -z "$failed_step" ] && [ "$failed" -eq 0 ]
