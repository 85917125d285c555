import { expect, test, type Page } from "@playwright/test";
import { ComposePage, stub, uniquePhone } from "./support";

// Send later (issue 22), on both databases: the row is `scheduled` until its time, fires once, and its Details move,
// send or cancel it before then.

/** A wall-clock time `seconds` from now in UTC, as the `Send at` field takes it (to the second). */
const utcIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);

async function scheduleText(page: Page, to: string, text: string, seconds: number) {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill(text);
  await page.getByRole("button", { name: "Send later" }).click();
  await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  await page.getByLabel("Send at", { exact: true }).fill(utcIn(seconds));
  await page.getByRole("button", { name: "Schedule message" }).click();
  const outcome = compose.status().filter({ hasText: `Scheduled for ${to} (Text)` });
  await expect(outcome).toBeFocused();
  // The recipient stays for a follow-up; the message itself is cleared, as after a send.
  await expect(compose.field("Recipient")).toHaveValue(to);
  await expect(compose.field("Message")).toHaveValue("");
  return outcome;
}

test("a text scheduled a few seconds ahead is scheduled in the history, then fires once at its time", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const to = uniquePhone();
  await scheduleText(page, to, "Sent a little later", 12);
  expect(await stub.sendsTo(to)).toHaveLength(0);

  await page.goto(`/history?q=${encodeURIComponent(to)}`);
  const row = page.getByRole("table").getByRole("row").filter({ hasText: to });
  await expect(row).toContainText("scheduled");
  await expect(row).toContainText(/Goes out \d+ \w+ \d{4}, \d\d:\d\d/);

  // Fired within a few seconds of its time, once; the row then follows Callbell's statuses like any send.
  await expect.poll(async () => (await stub.sendsTo(to)).length, { timeout: 30_000 }).toBe(1);
  await expect(async () => {
    await page.reload();
    await expect(row).not.toContainText("scheduled", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.waitForTimeout(2_500); // two more scheduler ticks: still one request
  expect(await stub.sendsTo(to)).toHaveLength(1);
});

test("Details of a scheduled message: a wrong time is refused, Send now sends it, Cancel keeps it from ever going", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const now = uniquePhone();
  const outcome = await scheduleText(page, now, "Not before an hour", 3_600);
  await outcome.getByRole("link", { name: "View in history" }).click();
  await expect(page.getByTestId("scheduled-for")).toContainText("Goes out");
  await page.getByLabel("Send at", { exact: true }).fill(utcIn(-120));
  await page.getByRole("button", { name: "Save new time" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a time" })).toBeFocused();
  await page.getByRole("button", { name: "Send now" }).click();
  await expect.poll(async () => (await stub.sendsTo(now)).length, { timeout: 15_000 }).toBe(1);

  const never = uniquePhone();
  await (
    await scheduleText(page, never, "Never mind", 3_600)
  )
    .getByRole("link", { name: "View in history" })
    .click();
  await page.getByRole("button", { name: "Cancel scheduled message" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this scheduled message?" });
  await expect(dialog.getByRole("button", { name: "Keep it scheduled" })).toBeFocused();
  await dialog.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByTestId("scheduled-for")).toHaveCount(0);
  await page.goto(`/history?q=${encodeURIComponent(never)}`);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: never })).toContainText(
    "cancelled",
  );
  expect(await stub.sendsTo(never)).toHaveLength(0);
});

test("a free-form message that would find the customer's 24-hour window closed is warned about before it is scheduled", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+31 6 0000 0100");
  await expect(page.getByRole("region", { name: "Conversation window" })).toHaveAttribute(
    "data-window-state",
    "open",
  );
  await page.getByRole("button", { name: "Send later" }).click();
  await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  const warning = page.getByTestId("send-later-window");
  await page.getByLabel("Send at", { exact: true }).fill(utcIn(600));
  await expect(warning).toHaveCount(0);
  await page.getByLabel("Send at", { exact: true }).fill(utcIn(26 * 3_600));
  await expect(warning).toContainText("window closes");
});

test("a text whose customer's 24-hour window is closed at its time is not sent, and its Details say why", async ({
  page,
}) => {
  test.setTimeout(60_000);
  // The stub's customer who last wrote 30 hours ago; other tests send templates to them, so sends are told by text.
  const closed = "+31600000101";
  const text = `Too late for free text ${Date.now()}`;
  await (await scheduleText(page, closed, text, 12)).getByRole("link", { name: "View in history" }).click();
  await expect(page.getByTestId("scheduled-for")).toContainText("Goes out");

  const reason = page.getByRole("note").filter({
    hasText: /^Not sent at its time: the customer's 24-hour window closed on .+; only a template/,
  });
  await expect(async () => {
    await page.reload();
    await expect(reason).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const ours = (await stub.sendsTo(closed)).filter(
    (request) => (request.body as { content?: { text?: string } }).content?.text === text,
  );
  expect(ours).toEqual([]);
});
