import { expect, test } from "@playwright/test";
import { HISTORY_COUNT_EXACT_LIMIT } from "../lib/history/count-words";

// A history of a million sends is the benchmark's (e2e/perf/million.bench.mjs); here the counts endpoint answers as it
// does past the exact limit, and the page must say its figures are estimates, in words.
test("counts past the exact limit say about, rounded, and why", async ({ page }) => {
  await page.route("**/api/history/counts*", (route) =>
    route.fulfill({
      json: { counts: { read: 612_345, delivered: 401_002, failed: 98_765 }, replied: 23_456, exact: false },
    }),
  );
  await page.goto("/history");
  const status = page.getByRole("combobox", { name: "Status" });
  await expect(status.locator("option[value='']")).toHaveText("All statuses (about 1.1 million)");
  await expect(status.locator("option[value=read]")).toHaveText("read (about 610,000)");
  await expect(status.locator("option[value=failed]")).toHaveText("failed (about 99,000)");
  await expect(status.locator("option[value=sent]")).toHaveText("sent (0)");
  await expect(page.getByText("About 1.1 million sends match")).toBeVisible();
  await expect(
    page.getByText(`estimated: more than ${HISTORY_COUNT_EXACT_LIMIT.toLocaleString("en")} sends match`),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Sends per status" })).toContainText("about 400,000");
});

test("exact counts are shown as they are, with no estimate", async ({ page }) => {
  await page.route("**/api/history/counts*", (route) =>
    route.fulfill({ json: { counts: { read: 12_345, failed: 2 }, replied: 1, exact: true } }),
  );
  await page.goto("/history");
  const status = page.getByRole("combobox", { name: "Status" });
  await expect(status.locator("option[value='']")).toHaveText("All statuses (12,347)");
  await expect(status.locator("option[value=read]")).toHaveText("read (12,345)");
  await expect(page.getByText("12,347 sends match")).toBeVisible();
  await expect(page.getByText("estimated:")).toHaveCount(0);
});
