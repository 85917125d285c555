import { expect, test } from "@playwright/test";
import { ComposePage, startOrderReadyBroadcast, uniquePhone } from "./support";

test("sandbox mode says so and sends to the simulator", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await expect(page.getByText("Sandbox: messages are not delivered")).toBeVisible();
  await compose.field("Recipient").fill("+31 6 1234 5678");
  await compose.chooseType("Template");
  await compose.chooseTemplate("Welcome series");
  for (const [index, value] of ["Jack", "template", "Cheers"].entries()) {
    await compose.field(`Variable ${index + 1}`).fill(value);
  }
  await compose.field("Customer opted in").check();
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  await page.goto("/history");
  await expect(page.getByText("Sandbox: messages are not delivered")).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Welcome series");
});

test("a magic sandbox number fails on purpose", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+15550000402");
  await compose.field("Message").fill("No credit");
  await compose.send();
  await expect(compose.alert()).toContainText("no credit");
});

test("the sandbox knows a customer with an open window and one whose window closed a day ago", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  const panel = page.getByRole("region", { name: "Conversation window" });
  await compose.field("Recipient").fill("+15550000100");
  await expect(panel).toContainText(/Open: the 24-hour window is open, 2\d h( \d+ min)? left/);
  await expect(panel).toContainText("Olivia Open");
  await compose.field("Recipient").fill("+15550000101");
  await expect(panel).toContainText("Closed: the 24-hour window is closed since");
  await expect(panel).toContainText("Carl Closed");
  await expect(page.getByRole("radio", { name: "Text", exact: true })).toBeDisabled();
});

test("without a webhook, polling moves a sandbox message to read in the open history, and a failure gets its reason", async ({
  page,
}) => {
  // Polling backs off (a few seconds, then longer), and the server's polls a minute are shared with every other test
  // sending on it: on a busy machine a status comes 20–30 s after the send.
  test.setTimeout(75_000);
  const compose = new ComposePage(page);
  await compose.sendText("+15550000999", "This one fails later");
  const failed = await page.getByTestId("sent-uuid").innerText();
  await compose.sendText("+31 6 5555 0202", "Polled statuses");
  const read = await page.getByTestId("sent-uuid").innerText();

  await page.goto("/history");
  await expect(page.getByRole("row").filter({ hasText: failed })).toContainText(
    "Number does not exist on WhatsApp (code 1002)",
    { timeout: 45_000 },
  );
  const row = page.getByRole("row").filter({ hasText: read });
  await expect(row).toContainText("read", { timeout: 45_000 });
  await row.getByRole("link", { name: /Details/ }).click();
  await expect(page.getByRole("list", { name: "Status timeline" })).toContainText("by poll");
});

test("without a webhook, the Replied filter says replies need it instead of showing none", async ({
  page,
}) => {
  await page.goto("/history?status=replied");
  await expect(page.getByTestId("replies-need-webhook")).toContainText("Replies need the webhook");
  await expect(page.getByLabel("Status", { exact: true }).locator("option[value=replied]")).toHaveText(
    "replied (needs the webhook)",
  );
});

test("without a webhook, a broadcast's results, the list and the send's page say replies need it instead of 0%", async ({
  page,
}) => {
  const phone = uniquePhone();
  await startOrderReadyBroadcast(page, [phone], 10);
  const id = new URL(page.url()).pathname.split("/").at(-1);
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.locator("[data-result=replied]")).toHaveText("needs the webhook");
  await expect(results).toContainText("Replies need the webhook");
  // Offered once a row is sent (the results are read again every few seconds).
  await expect(results.getByRole("link", { name: "New broadcast from rows that did not read" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(results.getByRole("link", { name: "New broadcast from rows that did not reply" })).toHaveCount(
    0,
  );
  await page.goto("/broadcasts");
  await expect(page.locator(`tr:has(a[href="/broadcasts/${id}"]) [data-rate=replied]`)).toHaveText(
    "needs the webhook",
  );
  await page.goto(`/history?q=${encodeURIComponent(phone)}`);
  await page.getByRole("link", { name: /^Details of send/ }).click();
  await expect(page.getByRole("region", { name: "Replies" })).toContainText("Replies need the webhook");
});
