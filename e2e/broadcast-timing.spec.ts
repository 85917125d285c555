import { expect, test, type Page } from "@playwright/test";
import { chooseBroadcastTemplate } from "./support";

// Broadcasts started later and sending hours (issue 22), on the sandbox server, on both databases.

/** A wall-clock time `seconds` from now in UTC, as `Start at` takes it (to the second). */
const utcIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);
const prefix = () => `+3163${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;

type Progress = { state: string; rows: { done: number; waiting: number }; waitingUntil: string | null };
const progressOf = async (page: Page, id: string) =>
  (await (await page.request.get(`/api/broadcasts/${id}`)).json()) as Progress;

/** The wizard up to its confirm step: "Order ready" to `count` numbers starting with `start`, at `rate` a second. */
async function confirmStep(page: Page, start: string, count: number, rate: number) {
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  await page.getByLabel("Sends per second").fill(String(rate));
  const rows = Array.from({ length: count }, (_, index) => `${start}${String(index).padStart(3, "0")},Kim`);
  await page.getByLabel("Or paste the rows").fill(["phone,name", ...rows].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText(`${count} recipients ready`);
  await page.getByLabel("Every recipient opted in to receive this template").check();
}

test("a broadcast started later waits, scheduled, with a countdown; it starts by itself at its time", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const start = prefix();
  await confirmStep(page, start, 3, 10);
  await page.getByLabel("Start later").check();
  await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  // A time in the past is refused next to the field, and nothing is created.
  await page.getByLabel("Start at", { exact: true }).fill(utcIn(-60));
  await page.getByRole("button", { name: "Schedule broadcast" }).click();
  await expect(page.locator("#bw-start-at-error")).toHaveText(
    "Choose a time in the future (or choose Start now)",
  );
  await expect(page).toHaveURL(/\/broadcasts\/new$/);

  await page.getByLabel("Start at", { exact: true }).fill(utcIn(12));
  await page.getByRole("button", { name: "Schedule broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/, { timeout: 15_000 });
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByTestId("broadcast-state")).toContainText("scheduled");
  await expect(page.getByTestId("broadcast-timing")).toContainText(/Starts in \d+ s/);
  expect((await progressOf(page, id)).rows.done).toBe(0);

  await page.goto("/broadcasts");
  const listed = page.getByRole("row").filter({ hasText: `#${id}` });
  await expect(listed).toContainText("scheduled");
  await expect(listed).toContainText(/starts in \d+ s/);

  // At its time it starts by itself (the list, a server page, shows it once rendered again) and sends every row.
  await expect.poll(async () => (await progressOf(page, id)).rows.done, { timeout: 30_000 }).toBe(3);
  await expect(listed).not.toContainText("scheduled", { timeout: 10_000 });
});

test("a scheduled broadcast can be given a new time, then started now", async ({ page }) => {
  const start = prefix();
  await confirmStep(page, start, 2, 10);
  await page.getByLabel("Start later").check();
  await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  await page.getByLabel("Start at", { exact: true }).fill(utcIn(3_600));
  await page.getByRole("button", { name: "Schedule broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/, { timeout: 15_000 });
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByTestId("broadcast-timing")).toContainText(/Starts in (59 min|1 h)/);

  await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  // Enter in the field saves the new time, as `Save new time` does.
  await expect(page.getByRole("button", { name: "Save new time" })).toBeVisible();
  await page.getByLabel("Start at", { exact: true }).fill(utcIn(7_200));
  await page.getByLabel("Start at", { exact: true }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "New time saved." })).toBeVisible();
  await expect(page.getByTestId("broadcast-timing")).toContainText(/Starts in (1 h 59 min|2 h)/);

  // Start now asks first: the safe choice keeps it scheduled.
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("button", { name: "Keep it scheduled" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("scheduled");
  expect((await progressOf(page, id)).rows.done).toBe(0);
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("button", { name: "Yes, start now" }).click();
  await expect.poll(async () => (await progressOf(page, id)).rows.done, { timeout: 15_000 }).toBe(2);
  await expect(page.getByTestId("broadcast-state")).toContainText("completed");
});

test("sending hours: it waits for them, sends inside them by itself, and waits again when they end", async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Hours that open in about 6 s and close 6 s later (in UTC, on the same day; whole seconds, as the fields take them).
  const opens = new Date(Math.floor(Date.now() / 1_000) * 1_000 + 6_000);
  const closes = new Date(opens.getTime() + 6_000);
  test.skip(opens.getUTCDate() !== closes.getUTCDate(), "the hours would cross midnight");
  const start = prefix();
  await confirmStep(page, start, 40, 2);
  await page.getByLabel("Send only during set hours").check();
  await page.getByLabel("From", { exact: true }).fill(opens.toISOString().slice(11, 19));
  await page.getByLabel("To", { exact: true }).fill(closes.toISOString().slice(11, 19));
  await page.getByLabel("Hours time zone").selectOption("UTC");
  for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    await page.getByLabel(day, { exact: true }).check();
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/, { timeout: 15_000 });
  const id = new URL(page.url()).pathname.split("/").at(-1)!;

  if (Date.now() < opens.getTime() - 1_500) {
    await expect(page.getByTestId("broadcast-state")).toContainText("waiting for quiet hours to end");
    await expect(page.getByTestId("broadcast-timing")).toContainText(/starts sending in \d+ s/);
  }
  // It goes on by itself once they open…
  await expect
    .poll(async () => (await progressOf(page, id)).rows.done, { timeout: 15_000 })
    .toBeGreaterThan(0);
  // …and waits again once they end, with rows left for tomorrow.
  await expect
    .poll(async () => (await progressOf(page, id)).waitingUntil, { timeout: 15_000 })
    .not.toBeNull();
  const after = await progressOf(page, id);
  expect(after.rows.waiting).toBeGreaterThan(0);
  await page.waitForTimeout(2_000);
  expect((await progressOf(page, id)).rows.done).toBe(after.rows.done);

  // Every send it made left inside the hours (recorded a moment after the decision to send: 250 ms of leeway).
  const history = (await (await page.request.get(`/api/history?q=${encodeURIComponent(start)}`)).json()) as {
    items: Array<{ createdAt: string }>;
  };
  expect(history.items.length).toBe(after.rows.done);
  for (const item of history.items) {
    expect(Date.parse(item.createdAt)).toBeGreaterThanOrEqual(opens.getTime());
    expect(Date.parse(item.createdAt)).toBeLessThan(closes.getTime() + 250);
  }
  // Cancel still works while it waits.
  await page.getByRole("button", { name: "Cancel broadcast" }).click();
  await page.getByRole("button", { name: "Yes, cancel broadcast" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("cancelled");
});
