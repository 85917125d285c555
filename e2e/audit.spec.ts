import { expect, test, type Browser, type Page } from "@playwright/test";
import { chooseBroadcastTemplate, signIn } from "./support";

// Runs on the sandbox server, where broadcasts go to the simulator. Token checks and mode switches belong to the
// settings server: settings.spec.ts finds those on its own /audit.

async function freshContext(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

async function addUser(page: Page, account: { email: string; password: string }) {
  await page.goto("/users");
  await page.getByLabel("New user's email").fill(account.email);
  await page.getByLabel("New user's password").fill(account.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Added ${account.email}`)).toBeVisible();
}

const trail = (page: Page) => page.getByRole("table", { name: "Audit trail" });
const rowsOf = (page: Page) => trail(page).locator("tbody tr");
const kindsShown = async (page: Page) =>
  rowsOf(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-kind")));

test("every action is on /audit with who, when, where and what changed; filters and pages work, agents see nothing", async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const auditor = { email: `auditor-${stamp}@bellhop.test`, password: "auditor-password-1" };
  const agent = { email: `audited-agent-${stamp}@bellhop.test`, password: "agent-password-12" };
  const stranger = `stranger-${stamp}@bellhop.test`;

  // Users: added, made admin.
  await addUser(admin, auditor);
  await addUser(admin, agent);
  await admin.getByRole("button", { name: `Make admin: ${auditor.email}` }).click();
  await expect(admin.getByRole("row").filter({ hasText: auditor.email })).toContainText("admin");

  // Sign-ins: a wrong password, then the right one.
  const { context, page } = await freshContext(browser);
  await signIn(page, { ...auditor, password: "not-the-password" });
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await signIn(page, auditor);
  await expect(page).toHaveURL(/\/compose$/);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }),
  ).toBeVisible();

  // An email no account has, until the throttle refuses it.
  const strangerSession = await freshContext(browser);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(strangerSession.page, { email: stranger, password: `wrong-guess-${attempt}` });
    await expect(strangerSession.page.getByRole("alert").filter({ hasText: "Wrong email" })).toBeVisible();
  }
  // The sixth is tried and fails (and says to wait); the seventh is refused before its password is tried.
  for (const attempt of [6, 7]) {
    await signIn(strangerSession.page, { email: stranger, password: `wrong-guess-${attempt}` });
    await expect(strangerSession.page.getByRole("alert").filter({ hasText: "Too many" })).toBeVisible();
  }
  await strangerSession.context.close();

  // A broadcast: started, paused, resumed, cancelled (slow enough that it is still running).
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  await page.getByLabel("Sends per second").fill("1");
  const phones = Array.from(
    { length: 30 },
    (_, index) => `+3164${String(stamp % 1e5).padStart(5, "0")}${String(index).padStart(2, "0")}`,
  );
  await page
    .getByLabel("Or paste the rows")
    .fill(["phone,name", ...phones.map((p) => `${p},Kim`)].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("30 recipients ready");
  await page.getByLabel("Every recipient opted in to receive this template").check();
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  const broadcastId = /\/broadcasts\/(\d+)$/.exec(page.url())![1]!;
  const state = page.getByTestId("broadcast-state");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(state).toContainText("paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(state).toContainText("running");
  await page.getByRole("button", { name: "Cancel broadcast" }).click();
  await page.getByRole("button", { name: "Yes, cancel broadcast" }).click();
  await expect(state).toContainText("cancelled");

  // Both exports, downloaded as a person does.
  const report = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  await (await report).path();
  await page.goto("/history?status=enqueued");
  const history = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  await (await history).path();
  // Enough more for a second page of this person's entries.
  for (let index = 0; index < 49; index++) {
    expect((await page.request.get(`/api/broadcasts/${broadcastId}/export?state=cancelled`)).ok()).toBe(true);
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await context.close();

  // An agent: no Audit link, and /audit does not exist for them (as /users).
  const agentSession = await freshContext(browser);
  await signIn(agentSession.page, agent);
  await expect(agentSession.page).toHaveURL(/\/compose$/);
  await expect(agentSession.page.getByRole("link", { name: "Audit" })).toHaveCount(0);
  expect((await agentSession.page.goto("/audit"))!.status()).toBe(404);
  await expect(agentSession.page.getByRole("table", { name: "Audit trail" })).toHaveCount(0);
  await agentSession.context.close();

  // Users: deactivated and reactivated.
  await admin.goto("/users");
  await admin.getByRole("button", { name: `Deactivate: ${agent.email}` }).click();
  await admin.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(admin.getByRole("row").filter({ hasText: agent.email })).toContainText("deactivated");
  await admin.getByRole("button", { name: `Reactivate: ${agent.email}` }).click();
  await expect(admin.getByRole("row").filter({ hasText: agent.email })).not.toContainText("deactivated");

  // The auditor's own trail, newest first, two pages by cursor.
  await admin.goto("/audit");
  await admin.getByLabel("Person").fill(auditor.email);
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(new RegExp(`person=${encodeURIComponent(auditor.email)}`));
  await expect(rowsOf(admin)).toHaveCount(50);
  const firstPage = await kindsShown(admin);
  expect(firstPage[0]).toBe("sign-out");
  expect(firstPage.slice(1)).toEqual(Array(49).fill("export-downloaded"));
  const pages = admin.getByRole("navigation", { name: "Audit pages" });
  await expect(pages.getByRole("link", { name: "Newer" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Older" }).click();
  await expect(admin).toHaveURL(/before=\d+/);
  await expect(rowsOf(admin).first()).toHaveAttribute("data-kind", "export-downloaded");
  expect(await kindsShown(admin)).toEqual([
    "export-downloaded", // the history, status enqueued
    "export-downloaded", // the broadcast's report
    "broadcast-cancelled",
    "broadcast-resumed",
    "broadcast-paused",
    "broadcast-created",
    "sign-in",
    "sign-in-failed",
  ]);
  await expect(pages.getByRole("link", { name: "Older" })).toHaveCount(0);
  const rows = rowsOf(admin);
  for (const index of [0, 3, 6]) await expect(rows.nth(index)).toContainText(auditor.email);
  await expect(rows.nth(0)).toContainText("history: status enqueued");
  await expect(rows.nth(1)).toContainText(`report of broadcast ${broadcastId}`);
  await expect(rows.nth(5)).toContainText(
    `broadcast ${broadcastId} “Order ready, 30 recipients”, 30 recipients`,
  );
  await expect(rows.nth(7)).toContainText("wrong password");
  await expect(rows.nth(6).getByRole("cell").nth(3)).toHaveText(/127\.0\.0\.1/);
  await expect(rows.nth(6).locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT.+Z$/);
  await pages.getByRole("link", { name: "Newer" }).click();
  await expect(rowsOf(admin)).toHaveCount(50);
  await expect(rowsOf(admin).first()).toHaveAttribute("data-kind", "sign-out");

  // The admin's own changes to users, and the stranger's attempts (recorded under the email tried, no account).
  await admin.goto(`/audit?person=${encodeURIComponent("admin@bellhop.test")}&kind=user-role-changed`);
  await expect(rowsOf(admin).first()).toContainText(`${auditor.email}: agent → admin`);
  await admin.goto(`/audit?person=${encodeURIComponent(stranger.toUpperCase())}`);
  expect(await kindsShown(admin)).toEqual(Array(7).fill("sign-in-failed"));
  await expect(rowsOf(admin).first()).toContainText("Refused before the password was tried");
  await expect(rowsOf(admin).nth(1)).toContainText("no account has this email");
  await expect(rowsOf(admin).nth(1)).toContainText("no account");

  // Every kind this server saw, one filter at a time, each showing only its own kind.
  const expected: Record<string, string> = {
    "sign-in": agent.email,
    "sign-in-failed": stranger,
    "sign-out": auditor.email,
    "user-added": `${agent.email} as agent`,
    "user-role-changed": `${auditor.email}: agent → admin`,
    "user-deactivated": agent.email,
    "user-reactivated": agent.email,
    "broadcast-created": `broadcast ${broadcastId}`,
    "broadcast-paused": `broadcast ${broadcastId}`,
    "broadcast-resumed": `broadcast ${broadcastId}`,
    "broadcast-cancelled": `broadcast ${broadcastId}`,
    "export-downloaded": `report of broadcast ${broadcastId}`,
  };
  for (const [kind, text] of Object.entries(expected)) {
    await admin.goto(`/audit?kind=${kind}`);
    await expect(rowsOf(admin).filter({ hasText: text }).first()).toBeVisible();
    expect(new Set(await kindsShown(admin)), kind).toEqual(new Set([kind]));
  }
});

test("the filters work without JavaScript (a GET form)", async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: testInfo.project.use.storageState as string,
  });
  const page = await context.newPage();
  await page.goto("/audit");
  await page.getByLabel("Kind").selectOption({ label: "Signed in" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/audit\?person=&kind=sign-in$/);
  await expect(page.getByLabel("Kind")).toHaveValue("sign-in");
  expect(new Set(await kindsShown(page))).toEqual(new Set(["sign-in"]));
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await context.close();
});
