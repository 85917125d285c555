import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { ComposePage, chooseBroadcastTemplate, everySignedInPage, uniquePhone } from "./support";

/** A mid-range phone, as Lighthouse emulates one: 412 CSS pixels wide. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

async function phoneContext(browser: Browser, baseURL: string, storageState?: string) {
  return browser.newContext({
    ...PHONE,
    baseURL,
    storageState: storageState ?? { cookies: [], origins: [] },
  });
}

/** Why this page is wider than the screen (its width and the outermost elements that stick out), or null. */
async function overflow(page: Page): Promise<string | null> {
  // A page wider than the screen scrolls sideways, and a phone lays every page out at its width.
  const { scrollWidth, screenWidth, culprits, tables } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    // A table that scrolls inside its card hides its last columns (a row's buttons) just as well.
    tables: [...document.querySelectorAll("table")]
      .filter((table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth + 1)
      .map((table) => `table "${table.getAttribute("aria-label") ?? ""}" scrolls sideways`),
    screenWidth: window.visualViewport?.width ?? window.innerWidth,
    // The outermost elements that stick out: their parent does not.
    culprits: [...document.querySelectorAll("body *")]
      .filter((element) => {
        const edge = (window.visualViewport?.width ?? window.innerWidth) + 1;
        const parent = element.parentElement;
        return (
          element.getBoundingClientRect().right > edge &&
          (!parent || parent.getBoundingClientRect().right <= edge)
        );
      })
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}`),
  }));
  if (scrollWidth > screenWidth)
    return `${scrollWidth} px wide on a ${screenWidth} px screen (${culprits.join(", ")})`;
  return tables.length > 0 ? tables.join("; ") : null;
}

/** A phone signed in as the project's admin. */
function signedInPhone(browser: Browser, testInfo: TestInfo) {
  return phoneContext(browser, testInfo.project.use.baseURL!, testInfo.project.use.storageState as string);
}

test("no page is wider than a phone's screen", async ({ browser, request }, testInfo) => {
  test.setTimeout(90_000);
  const baseURL = testInfo.project.use.baseURL!;
  const routes = await everySignedInPage(request);

  const signedIn = await phoneContext(browser, baseURL, testInfo.project.use.storageState as string);
  const signedOut = await phoneContext(browser, baseURL);
  const wide: string[] = [];
  try {
    const page = await signedIn.newPage();
    // Another user, so /users has a row with its buttons (a table of buttons is what scrolled sideways).
    await page.goto("/users");
    const email = `phone-${Date.now()}.with.a.long.name@example-support-team.test`;
    await page.getByLabel("New user's email", { exact: true }).fill(email);
    await page.getByLabel("New user's password", { exact: true }).fill("a phone password 123");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("button", { name: `Deactivate: ${email}` })).toBeInViewport();
    const check = async (route: string, on = page) => {
      await on.goto(route);
      await on.waitForLoadState("networkidle");
      const problem = await overflow(on);
      if (problem) wide.push(`${route}: ${problem}`);
    };
    for (const route of routes) await check(route);
    await check("/login", await signedOut.newPage());
    // What an agent types or pastes: a filter far too long for the history (named in its alert), and a long link in
    // a message, whose preview wraps inside its bubble.
    await check(`/history?q=${"7".repeat(500)}`);
    await page.goto("/compose");
    await page
      .getByLabel("Message", { exact: true })
      .fill(`Track it: https://example.com/track/${"a1b2c3d4".repeat(40)}`);
    await expect(page.getByTestId("preview-text").first()).toContainText("https://example.com/track/");
    const typed = await overflow(page);
    if (typed) wide.push(`/compose with a long link: ${typed}`);
  } finally {
    await signedIn.close();
    await signedOut.close();
  }
  expect(wide).toEqual([]);
});

test("on a phone, the main navigation and Sign out are on screen and work", async ({ browser }, testInfo) => {
  const context = await signedInPhone(browser, testInfo);
  try {
    const page = await context.newPage();
    await page.goto("/compose");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Compose", "History", "Broadcasts", "Users", "Settings", "Audit"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    // Who is signed in, on a shared phone too: the address, cut to fit, whole in its title.
    const who = page.getByTestId("signed-in-as");
    await expect(who).toBeInViewport({ ratio: 1 });
    await expect(who).toHaveAttribute("title", /@/);
    await nav.getByRole("link", { name: "History", exact: true }).tap();
    await expect(page).toHaveURL(/\/history$/);
  } finally {
    await context.close();
  }
});

test("a broadcast fits a phone in every state: the wizard, running, paused, cancelled, completed", async ({
  browser,
}, testInfo) => {
  test.setTimeout(60_000);
  const context = await phoneContext(
    browser,
    testInfo.project.use.baseURL!,
    testInfo.project.use.storageState as string,
  );
  const wide: string[] = [];
  const check = async (page: Page, state: string) => {
    const problem = await overflow(page);
    if (problem) wide.push(`${state}: ${problem}`);
    // Nor does the report, or the list, scroll sideways inside the page: on a phone their rows are cards.
    for (const name of ["Recipients", "Broadcasts"]) {
      const table = page.getByRole("table", { name, exact: true });
      if ((await table.count()) === 0) continue;
      const inner = await table.evaluate((element) => [
        element.scrollWidth,
        element.parentElement!.clientWidth,
      ]);
      if (inner[0]! > inner[1]!)
        wide.push(`${state}: the ${name} table is ${inner[0]} px wide in ${inner[1]} px`);
    }
  };
  try {
    const page = await context.newPage();
    await page.goto("/broadcasts/new");
    await check(page, "a new broadcast");
    await chooseBroadcastTemplate(page, "Order ready");
    await page.getByLabel("Sends per second").fill("1");
    // The sample list offered for download is one the wizard reads as it is.
    const sample = await page.getByRole("link", { name: "Download a sample CSV" }).getAttribute("href");
    const csv = await (await page.request.get(sample!)).body();
    await page
      .getByLabel("Recipients file")
      .setInputFiles({ name: "sample.csv", mimeType: "text/csv", buffer: csv });
    await expect(page.getByRole("list", { name: "Report summary" })).toContainText("3 recipients ready");
    await check(page, "the wizard's every step");
    await page.getByLabel("Every recipient opted in to receive this template").check();
    const started = page.waitForRequest((request) => request.url().endsWith("/api/broadcasts"));
    await page.getByRole("button", { name: "Start broadcast" }).click();
    const body = JSON.parse((await started).postData()!) as Record<string, unknown>;
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    const state = page.getByTestId("broadcast-state");
    await expect(state).toContainText("running");
    await check(page, "running");
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(state).toContainText("paused");
    await check(page, "paused");
    await page.getByRole("button", { name: "Cancel broadcast" }).click();
    await check(page, "the cancel dialog");
    await page.getByRole("button", { name: "Yes, cancel broadcast" }).click();
    await expect(state).toContainText("cancelled");
    await check(page, "cancelled");

    // The same list again, one row and fast, to see it completed.
    const again = await page.evaluate(
      (input) =>
        fetch("/api/broadcasts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(input),
        }).then((response) => response.json() as Promise<{ id: number }>),
      { ...body, idempotencyKey: undefined, ratePerSecond: 10, csv: `phone,name\n${uniquePhone()},Kim` },
    );
    await page.goto(`/broadcasts/${again.id}`);
    await expect(state).toContainText("completed", { timeout: 10_000 });
    await check(page, "completed");
    await page.goto("/broadcasts");
    await check(page, "the list");
  } finally {
    await context.close();
  }
  expect(wide).toEqual([]);
});

test("on a phone, the history is cards from the same table, with Search, Status and a Filters button", async ({
  browser,
  page: desktop,
}, testInfo) => {
  const to = uniquePhone();
  await new ComposePage(desktop).sendText(to, "A card on a phone");
  const context = await signedInPhone(browser, testInfo);
  try {
    const page = await context.newPage();
    await page.goto("/history");
    const table = page.getByRole("table", { name: "Sent messages" });
    const row = table.getByRole("row").filter({ hasText: to });
    await expect(row).toContainText("A card on a phone");
    await expect(row.getByRole("link", { name: "Send again" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Status" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
    // The other filters wait behind one button.
    const filters = page.getByRole("button", { name: "Filters" });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("combobox", { name: "Type" })).toBeHidden();
    await filters.click();
    await expect(filters).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("combobox", { name: "Type" })).toBeVisible();
    await expect(page.getByLabel("To (UTC)", { exact: true })).toBeVisible();
    // A card: the whole row on screen, on several lines, and nothing scrolls sideways.
    const card = (await row.boundingBox())!;
    expect(card.x + card.width).toBeLessThanOrEqual(412);
    expect(card.height).toBeGreaterThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);

    // The detail page: the uuid breaks rather than overflows.
    await row.getByRole("link", { name: /^Details of send/ }).click();
    await expect(page.getByRole("region", { name: "Message as the customer sees it" })).toContainText(
      "A card on a phone",
    );
    const uuid = (await page.getByRole("button", { name: "Copy uuid" }).boundingBox())!;
    expect(uuid.x + uuid.width).toBeLessThanOrEqual(412);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
  } finally {
    await context.close();
  }
});
