import { expect, test } from "@playwright/test";
import { ComposePage, startOrderReadyBroadcast, uniquePhone } from "./support";

// The hooks server: sandbox mode with CALLBELL_WEBHOOK_SECRET, so the sandbox's repliers (+15550000200 to
// +15550000210) answer through Bellhop's own webhook, about 5 s after each message. Each test writes to its own.

test("a sandbox replier's answer shows on the history row, under Replied, in the export and on the detail page", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.sendText("+15550000203", "Shall we book you in?");
  const answered = await page.getByTestId("sent-uuid").innerText();
  await compose.sendText("+15550000210", "Where shall we deliver?");
  const located = await page.getByTestId("sent-uuid").innerText();

  await page.goto("/history");
  const row = page.getByRole("row").filter({ hasText: answered });
  await expect(row.getByTestId("replied")).toContainText(/^replied (just now|\d+ minutes? ago)$/, {
    timeout: 15_000,
  });
  await expect(page.getByRole("row").filter({ hasText: located }).getByTestId("replied")).toBeVisible();

  // Replied joins the status filters, in the address, the table and the export.
  await page.getByLabel("Status", { exact: true }).selectOption("replied");
  await expect(page).toHaveURL(/status=replied/);
  await expect(page.getByRole("table", { name: "Sent messages" })).toContainText(answered);
  await expect(page.getByLabel("Status", { exact: true }).locator("option[value=replied]")).toHaveText(
    /^replied \(\d+\)$/,
  );
  const exported = await (await page.request.get("/api/history/export?status=replied")).text();
  const line = exported.split("\r\n").find((one) => one.includes(answered));
  expect(line).toMatch(/,\d{4}-\d\d-\d\dT[\d:.]+Z$/);

  await row.getByRole("link", { name: /Details/ }).click();
  const replies = page.getByRole("list", { name: "Replies" });
  await expect(replies.getByTestId("reply-text")).toHaveText("Yes, please");
  await page.goto("/history");
  await page
    .getByRole("row")
    .filter({ hasText: located })
    .getByRole("link", { name: /Details/ })
    .click();
  await expect(page.getByRole("list", { name: "Replies" }).getByTestId("reply-text")).toHaveText("location");

  // Settings counts what customers sent, and how many of those answer no send.
  await page.goto("/settings");
  await expect(page.getByTestId("webhook-replies")).toContainText(/\d+ messages? received, \d+ not linked/);
});

test("a broadcast's results count its replies, and a new broadcast from rows that did not reply holds exactly the others", async ({
  page,
}) => {
  const repliers = ["+15550000205", "+15550000206"];
  const silent = [uniquePhone(), uniquePhone()];
  await startOrderReadyBroadcast(page, [repliers[0]!, silent[0]!, repliers[1]!, silent[1]!], 10);
  const id = new URL(page.url()).pathname.split("/").at(-1);

  const results = page.getByRole("region", { name: "Results" });
  await expect(results.locator("[data-result=replied]")).toHaveText("2 50%", { timeout: 20_000 });
  await expect(results.locator("[data-result=sent]")).toHaveText("4 100%");
  await expect(results.locator("[data-result=failed]")).toHaveText("0 0%");
  await expect(
    results.getByRole("img", { name: /^Sends and replies over time, every .+: 4 sent, 2 replied$/ }),
  ).toBeVisible();

  // The list compares campaigns by their read and reply rates.
  await page.goto("/broadcasts");
  await expect(page.getByRole("columnheader", { name: "Read rate" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Reply rate" })).toBeVisible();
  const listed = page.locator(`tr:has(a[href="/broadcasts/${id}"])`);
  await expect(listed.locator("[data-rate=replied]")).toHaveText("50%");
  await expect(listed.locator("[data-rate=read]")).toHaveText(/^\d+%$/);

  await page.goto(`/broadcasts/${id}`);
  await page.getByLabel("Follow up after", { exact: true }).selectOption({ label: "right away" });
  await page.getByRole("link", { name: "New broadcast from rows that did not reply" }).click();
  await expect(page).toHaveURL(new RegExp(`/broadcasts/new\\?from=${id}&rows=unreplied&after=0$`));
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("2 recipients ready");
  const list = await page.getByLabel("Or paste the rows").inputValue();
  expect(
    list
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(",")[0]),
  ).toEqual(silent);
});
