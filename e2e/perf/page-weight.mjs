// Page weight: the compressed JavaScript a browser downloads on a cold load of a route, counted by Chromium itself
// (DevTools protocol, bytes on the wire), until the network is idle. Used by the e2e suite, which fails a route over its
// budget, and by `npm run bench`, which reports every route.

/** kB (1,000 bytes) of compressed JavaScript per route: /compose carries the form, the previews and the pickers. */
export const PAGE_WEIGHT_BUDGET_KB = { "/compose": 180, default: 170 };

export const budgetFor = (route) => PAGE_WEIGHT_BUDGET_KB[route] ?? PAGE_WEIGHT_BUDGET_KB.default;

/**
 * Loads `url` in a fresh page of `context`, with the cache off, and returns the bytes of every script body as received
 * (compressed; the response headers are left out), their count, and each script's path and bytes.
 */
export async function scriptBytesOnColdLoad(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const headerBytes = new Map();
  const urls = new Map();
  const scripts = [];
  let bytes = 0;
  let files = 0;
  cdp.on("Network.responseReceived", (event) => {
    if (event.type !== "Script") return;
    headerBytes.set(event.requestId, event.response.encodedDataLength);
    urls.set(event.requestId, new URL(event.response.url).pathname);
  });
  cdp.on("Network.loadingFinished", (event) => {
    if (!headerBytes.has(event.requestId)) return;
    const body = event.encodedDataLength - headerBytes.get(event.requestId);
    bytes += body;
    files += 1;
    scripts.push({ path: urls.get(event.requestId), bytes: body });
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  const status = response?.status() ?? 0;
  const finalUrl = page.url();
  await page.close();
  return { bytes, files, status, finalUrl, scripts };
}
