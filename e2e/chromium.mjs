// Debian's Chromium, as the e2e suite and the benchmarks launch it: Playwright's own browser download is not possible
// here. `CHROMIUM_PATH` points elsewhere.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
