import { expect, test } from "@playwright/test";
import { budgetFor, scriptBytesOnColdLoad } from "./perf/page-weight.mjs";
import { everySignedInPage } from "./support";

// The one budget CI enforces: compressed JavaScript per route, a byte count of this build (not a timing).
test("every route stays within its JavaScript budget on a cold load", async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL!;
  const routes = await everySignedInPage(request);

  const signedIn = await browser.newContext({ storageState: testInfo.project.use.storageState, baseURL });
  const signedOut = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const weights: Record<string, number> = {};
  try {
    for (const route of routes) {
      const load = await scriptBytesOnColdLoad(signedIn, route);
      expect(load.status, route).toBe(200);
      expect(new URL(load.finalUrl).pathname, "no redirect").toBe(route);
      weights[route] = load.bytes;
    }
    const login = await scriptBytesOnColdLoad(signedOut, "/login");
    expect(login.status).toBe(200);
    expect(new URL(login.finalUrl).pathname, "signed out").toBe("/login");
    weights["/login"] = login.bytes;
  } finally {
    await signedIn.close();
    await signedOut.close();
  }
  const over = Object.entries(weights)
    .map(([route, bytes]) => ({
      route,
      kB: Math.round(bytes / 100) / 10,
      budget: budgetFor(route.replace(/\/\d+$/, "/[id]")),
    }))
    .filter(({ kB, budget }) => kB > budget);
  await testInfo.attach("page-weight.json", {
    body: JSON.stringify(weights, null, 2),
    contentType: "application/json",
  });
  expect(over, `routes over their budget: ${JSON.stringify(weights)}`).toEqual([]);
});
