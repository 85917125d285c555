import { expect, test, type Page } from "@playwright/test";
import { chooseBroadcastTemplate, startOrderReadyBroadcast } from "./support";

// Broadcasts run on the sandbox server: its magic numbers fail rows on purpose.
const uniqueNumber = (index: number) =>
  `+3162${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}${String(index).padStart(3, "0")}`;

async function upload(page: Page, csv: string) {
  await page
    .getByLabel("Recipients file")
    .setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
}

test("the wizard: a CSV, its report, a preview, a test send, the confirmation, live progress and the report", async ({
  page,
}) => {
  const [a, b, c] = [uniqueNumber(1), uniqueNumber(2), uniqueNumber(3)];
  const csv = [
    "Phone,Name,Word,Closing",
    `${a},Ana,first,Cheers`,
    `${b},Bo,second,Thanks`,
    "0612345678,Cy,third,Bye",
    `${c},,fourth,Hi`,
    `${a},Ana,first,Cheers`,
    "+15550000400,Rejected,row,Sorry",
    "+15550000408,Unknown,row,Maybe",
  ].join("\n");

  await page.goto("/broadcasts");
  await page.getByRole("link", { name: "New broadcast" }).click();
  await chooseBroadcastTemplate(page, "Welcome series");
  await upload(page, csv);
  await expect(page.getByRole("status").filter({ hasText: "Read 7 rows" })).toBeVisible();

  // The columns are guessed from the header; the report explains every row left out.
  await expect(page.getByLabel("Phone column")).toHaveValue("0");
  await expect(page.getByLabel("Value 1 column")).toHaveValue("1");
  const summary = page.getByRole("list", { name: "Report summary" });
  await expect(summary).toContainText("4 recipients ready");
  await expect(summary).toContainText("2 rows with problems, left out");
  await expect(summary).toContainText("1 duplicate row merged");
  const problems = page.getByRole("table", { name: "Rows with problems" });
  await expect(problems.getByRole("row").filter({ hasText: "0612345678" })).toContainText("country code");
  await expect(problems.getByRole("row").filter({ hasText: c })).toContainText("value 1: missing");

  // A preview of the first messages, then a test send to a number of our choice.
  await expect(page.getByRole("region", { name: "5. Broadcast preview" })).toContainText(
    "Hello Ana, this is a template first example. Cheers!",
  );
  // Without a number the button says what it needs, and its answer takes the focus.
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a test phone number first" })).toBeFocused();
  await page.getByLabel("Test phone number").fill("+31 6 5555 0303");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test sent to +31655550303" })).toContainText(
    "Message enqueued",
  );

  // Confirmation: nothing starts without the opt-in.
  await expect(page.getByTestId("broadcast-summary")).toContainText("to 4 recipients (four)");
  const start = page.getByRole("button", { name: "Start broadcast" });
  await expect(start).toBeDisabled();
  // The greyed-out button says why, and what the run will take.
  await expect(start).toHaveAccessibleDescription("Tick the opt-in box above to start.");
  await expect(page.getByTestId("broadcast-summary")).toContainText(/about \d+ s \(longer if Callbell/);
  await page.getByLabel("Every recipient opted in to receive this template").check();
  await expect(start).toBeEnabled();
  await start.click();

  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  const progress = page.getByRole("progressbar", { name: "Broadcast progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", "4");
  await expect(progress).toHaveAttribute("aria-valuenow", "4", { timeout: 15_000 });
  await expect(page.getByTestId("broadcast-state")).toContainText("completed");
  const perState = page.getByRole("definition");
  await expect(perState.and(page.locator("[data-state=sent]"))).toHaveText("2");
  await expect(perState.and(page.locator("[data-state=failed]"))).toHaveText("1");
  await expect(perState.and(page.locator("[data-state=unknown]"))).toHaveText("1");

  const report = page.getByRole("table", { name: "Recipients" });
  // A refused row is failed in the counts, and says `rejected` as its message does in the history.
  await expect(report.locator("tr[data-row='7']")).toContainText("rejected");
  await expect(page.locator("[data-meaning=failed]")).toContainText("rejected in the history");
  await expect(report.locator("tr[data-row='2']")).toContainText("Ana | first | Cheers");

  // Each message is in the history, linked to its broadcast.
  const broadcastUrl = page.url();
  await page.goto(`/history?q=${encodeURIComponent(b)}`);
  await page.getByRole("link", { name: /^Broadcast \d+$/ }).click();
  await expect(page).toHaveURL(broadcastUrl);

  // The export holds every row with its status and reason.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const exported = (await (await page.request.get(href!)).text())
    .replace(/^\ufeff/, "")
    .trim()
    .split("\r\n");
  expect(exported[0]).toBe("row,phone,values,uuid,status,reason");
  expect(exported).toHaveLength(5);
  expect(exported.find((line) => line.startsWith("7,"))).toMatch(
    // Quoted: a pipe separates cells in some spreadsheets (README, Security).
    /^7,\+15550000400,"Rejected \| row \| Sorry",,rejected,.+/,
  );

  // The failed rows become a new list, to be checked and confirmed again.
  await page.getByRole("link", { name: "New broadcast from failed rows" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/new\?from=\d+$/);
  await expect(page.getByLabel("Template", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("1 recipient ready");
  await expect(page.getByLabel("Or paste the rows")).toHaveValue(/\+15550000400,Rejected,row,Sorry/);
});

test("pause holds the rest, resume carries on, cancel leaves the rest unsent", async ({ page }) => {
  const rows = Array.from({ length: 40 }, (_, index) => `${uniqueNumber(index)},Pat`);
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  // Up to Callbell's 300 a second, with what a faster pace costs said beside it.
  const pace = page.getByLabel("Sends per second");
  await expect(pace).toHaveAccessibleDescription(/at most 300\. Callbell takes up to 300 requests a second/);
  await expect(pace).toHaveAccessibleDescription(/WhatsApp may deliver fewer for your number/);
  await pace.fill("301");
  await expect(page.getByText("Between 1 and 300 sends a second")).toBeVisible();
  await pace.fill("2");
  // Nothing pasted yet: said, not silence.
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing is pasted" })).toBeVisible();
  await page.getByLabel("Or paste the rows").fill(["phone,name", ...rows].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("40 recipients ready");
  await page.getByLabel("Every recipient opted in to receive this template").check();
  // With the pace out of bounds again, the confirmation quotes no other pace than the one typed, and the start says
  // where to fix it.
  await pace.fill("0");
  await expect(page.getByTestId("broadcast-summary")).toContainText("at a pace still to set in step 1");
  await expect(page.getByText("Set Sends per second in step 1 (1 to 300) to start.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start broadcast" })).toBeDisabled();
  await pace.fill("2");
  await expect(page.getByTestId("broadcast-summary")).toContainText("2 a second, about 20 s");
  await page.getByRole("button", { name: "Start broadcast" }).click();

  const progress = page.getByRole("progressbar", { name: "Broadcast progress" });
  await expect(progress).not.toHaveAttribute("aria-valuenow", "0");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("paused");
  // A paused broadcast has no pace now.
  const summary = page.getByText(/ of 40 recipients sent/);
  await expect(summary).not.toContainText("a second now");
  // A send already on its way when Pause was pressed finishes (the API's raw `counts` show it); nothing new starts.
  const id = new URL(page.url()).pathname.split("/").at(-1);
  await expect
    .poll(async () => (await (await page.request.get(`/api/broadcasts/${id}`)).json()).counts.sending ?? 0)
    .toBe(0);
  await expect(progress).toHaveAttribute(
    "aria-valuenow",
    String((await (await page.request.get(`/api/broadcasts/${id}`)).json()).rows.done),
  );
  const paused = Number(await progress.getAttribute("aria-valuenow"));
  await page.waitForTimeout(2_000);
  await expect(progress).toHaveAttribute("aria-valuenow", String(paused));

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("running");
  await expect
    .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 10_000 })
    .toBeGreaterThan(paused);
  await expect(summary).toContainText("a second now");

  // Cancel asks first, names the count, and keeps sending unless confirmed; Escape is the safe choice.
  const cancel = page.getByRole("button", { name: "Cancel broadcast" });
  await cancel.click();
  const dialog = page.getByRole("dialog", { name: "Cancel this broadcast?" });
  await expect(dialog).toContainText(/\d+ recipients? not yet sent will not get the message/);
  await expect(dialog.getByRole("button", { name: "Keep sending" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("broadcast-state")).toContainText("running");
  await cancel.click();
  await dialog.getByRole("button", { name: "Yes, cancel broadcast" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("cancelled");
  // A send already on its way when Cancel was pressed finishes (the page re-reads every second).
  const count = async (state: string) => Number(await page.locator(`dd[data-state=${state}]`).innerText());
  await expect.poll(() => count("cancelled")).toBeGreaterThan(0);
  await expect.poll(async () => (await count("cancelled")) + (await count("sent"))).toBe(40);
  // Cancelled is not done: the summary says what was sent, the bar shows the cancelled rows apart, no live pace.
  const sent = await count("sent");
  await expect(summary).toHaveText(
    new RegExp(`^${sent} of 40 recipients sent \\(${Math.round(sent * 2.5)}%\\)$`),
  );
  await expect(progress.locator("[data-segment=cancelled]")).toBeVisible();
  const list = page.url();
  await page.goto("/broadcasts");
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="${new URL(list).pathname}"]`) });
  await expect(row).toContainText("cancelled");
  await expect(row.locator("td[data-state=cancelled]")).toHaveText(String(40 - sent));
  await expect(row.locator("td[data-state=sent]")).toHaveText(String(sent));
});

test.describe(() => {
  test.skip(
    Boolean(process.env.E2E_POSTGRES_URL),
    "the pages agree; row-counts.test.ts checks the counts on PostgreSQL",
  );
  test("one count everywhere, and the report's rows follow Callbell's statuses after the last send", async ({
    page,
  }) => {
    const phone = uniqueNumber(1);
    await startOrderReadyBroadcast(page, [phone, "+15550000999"], 10);
    const progress = page.getByRole("progressbar", { name: "Broadcast progress" });
    await expect(page.getByTestId("broadcast-state")).toContainText("completed", { timeout: 15_000 });
    await expect(progress).toHaveAttribute("aria-valuenow", "2");

    // Callbell reports the second message failed seconds after the last send: the open page follows without a reload.
    const report = page.getByRole("table", { name: "Recipients" });
    await expect(report.getByRole("row").filter({ hasText: "+15550000999" })).toContainText("failed", {
      timeout: 15_000,
    });
    await expect(page.locator("dd[data-state=failed]")).toHaveText("1");
    await expect(page.locator("dd[data-state=sent]")).toHaveText("1");
    await expect(progress.locator("[data-segment=failed]")).toBeVisible();

    // The report's filter and the list count the failed row as the progress does.
    await page.getByLabel("Row state").selectOption("failed");
    await expect(report.locator("tbody tr")).toHaveCount(1);
    await expect(report.locator("tbody tr")).toContainText("+15550000999");
    const path = new URL(page.url()).pathname;
    const id = path.split("/").pop();
    const exported = await (await page.request.get(`/api/broadcasts/${id}/export?state=failed`)).text();
    expect(exported).toContain("+15550000999");
    await page.goto("/broadcasts");
    const row = page.getByRole("row").filter({ has: page.locator(`a[href="${path}"]`) });
    await expect(row.locator("td[data-state=failed]")).toHaveText("1");
    await expect(row.locator("td[data-state=sent]")).toHaveText("1");
  });
});

test("a refusal for the whole account (no credit) pauses the broadcast and says why, instead of failing every row", async ({
  page,
}) => {
  // The sandbox refuses +15550000402 as Callbell refuses any send when the WhatsApp wallet is empty.
  await startOrderReadyBroadcast(
    page,
    [uniqueNumber(1), "+15550000402", uniqueNumber(3), uniqueNumber(4)],
    1,
  );
  await expect(page.getByTestId("broadcast-state")).toContainText("paused", { timeout: 15_000 });
  const note = page.getByTestId("broadcast-pause-note");
  await expect(note).toContainText("Paused by Bellhop");
  await expect(note).toContainText("the WhatsApp wallet has no credit (402)");
  await expect(note).toContainText("attempt 1 of 5");
  // The refused row waits for Resume: nothing failed, the rows after it were not tried.
  const id = new URL(page.url()).pathname.split("/").at(-1);
  const counts = (await (await page.request.get(`/api/broadcasts/${id}`)).json()).counts;
  expect(counts.failed ?? 0).toBe(0);
  expect(counts.waiting).toBeGreaterThanOrEqual(2);
  // Resume: the note goes (here the sandbox refuses the row again, and Bellhop pauses again, saying so).
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(note).toContainText("attempt 2 of 5", { timeout: 15_000 });
  await expect(page.getByTestId("broadcast-state")).toContainText("paused");
  await page.getByRole("button", { name: "Cancel broadcast" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Yes, cancel broadcast" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("cancelled");
  await expect(note).toHaveCount(0);
});

test("the wizard survives a reload: template, pace, opt-in and the list (a file's rows too); a start forgets it", async ({
  page,
}) => {
  await page.goto("/broadcasts/new");
  // Rows read before a template is chosen: the wizard says what comes next, not silence.
  await page
    .getByLabel("Or paste the rows")
    .fill(`phone,1\n${uniqueNumber(1)},Olivia\n${uniqueNumber(2)},Carl`);
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByText("Choose a template in step 1")).toBeVisible();
  await chooseBroadcastTemplate(page, "Order ready");
  await expect(page.getByText("Choose a template in step 1")).toBeHidden();
  await page.getByLabel("Sends per second").fill("5");
  await page.getByLabel("Every recipient opted in to receive this template").check();
  await expect(page.getByTestId("broadcast-summary")).toContainText("2 recipients");
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByLabel("Template", { exact: true })).toHaveValue("Order ready");
  await expect(page.getByLabel("Sends per second")).toHaveValue("5");
  await expect(page.getByLabel("Every recipient opted in to receive this template")).toBeChecked();
  await expect(page.getByTestId("broadcast-summary")).toContainText("2 recipients");
  // A chosen file cannot come back as a file: its rows come back in the paste box, read again.
  await page.getByLabel("Recipients file").setInputFiles({
    name: "customers.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`phone,name\n${uniqueNumber(3)},Ana\n`),
  });
  await expect(page.getByTestId("broadcast-summary")).toContainText("1 recipient");
  await page.waitForTimeout(500);
  await page.reload();
  await expect(
    page.getByText("the rows of customers.csv, kept from before the page was reloaded"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  await page.goto("/broadcasts/new");
  await expect(page.getByLabel("Template", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Or paste the rows")).toHaveValue("");
});

test("above 100 recipients the count must be typed again", async ({ page }) => {
  const rows = Array.from({ length: 120 }, (_, index) => `+3163${String(index).padStart(7, "0")},Lee`);
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  await page.getByLabel("Or paste the rows").fill(["phone,name", ...rows].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByTestId("broadcast-summary")).toContainText("120 recipients (one hundred twenty)");
  await page.getByLabel("Every recipient opted in to receive this template").check();
  const start = page.getByRole("button", { name: "Start broadcast" });
  await expect(start).toBeDisabled();
  await page.getByLabel("Type the number of recipients").fill("12");
  await expect(start).toBeDisabled();
  await page.getByLabel("Type the number of recipients").fill("120");
  await expect(start).toBeEnabled();
});

test("each kind of bad row is reported next to its row: media URL, too few cells, a value WhatsApp refuses", async ({
  page,
}) => {
  const csv = [
    "phone,1,2,media_url",
    `${uniqueNumber(1)},Ana,INV-1,https://example.com/inv-1.pdf`,
    `${uniqueNumber(2)},Bo,INV-2,http://example.com/inv-2.pdf`,
    `${uniqueNumber(3)},Cy`,
    `${uniqueNumber(4)},Di      Five,INV-4,https://example.com/inv-4.pdf`,
  ].join("\n");
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Invoice (document)");
  await upload(page, csv);
  await expect(page.getByLabel("Media URL column")).toHaveValue("3");
  const problems = page.getByRole("table", { name: "Rows with problems" });
  await expect(problems.locator("tr").filter({ hasText: /^3/ })).toContainText(
    "media URL: Callbell fetches media from public https URLs only",
  );
  await expect(problems.locator("tr").filter({ hasText: /^4/ })).toContainText(
    "2 cells where the header has 4",
  );
  await expect(problems.locator("tr").filter({ hasText: /^5/ })).toContainText(
    "value 1: At most 4 spaces in a row",
  );
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("1 recipient ready");

  // One URL for every row instead of the column: the per-row URL problems go away.
  await page.getByLabel("Media URL column").selectOption({ label: "One URL for every row" });
  await page.getByLabel("Media URL for every row").fill("https://example.com/all.pdf");
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("2 recipients ready");
  await expect(page.getByRole("region", { name: "5. Broadcast preview" })).toContainText("all.pdf");
});
