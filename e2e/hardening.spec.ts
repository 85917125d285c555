import { expect, test } from "@playwright/test";
import { ADMIN, chooseBroadcastTemplate, signIn, uniquePhone } from "./support";

test("a sign-in link cannot send a signed-in agent to another site, whatever next holds", async ({
  page,
}) => {
  await page.goto("/compose");
  for (const next of ["/\t/evil.example/phish", "/\n/evil.example", "/\r\n/evil.example", "//evil.example"]) {
    const response = await page.request.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(response.status(), next).toBe(307);
    expect(response.headers().location).toMatch(/^(https?:\/\/127\.0\.0\.1:\d+)?\/compose$/);
  }
});

test("signing in and out works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: { cookies: [], origins: [] },
    baseURL,
  });
  const page = await context.newPage();
  await signIn(page);
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("only the broadcast's creator or an admin can pause or cancel it; every agent can watch it", async ({
  page,
  browser,
  baseURL,
}) => {
  const agent = { email: `agent-broadcast-${Date.now()}@bellhop.test`, password: "agent-password-987" };
  await page.goto("/users");
  await page.getByLabel("New user's email").fill(agent.email);
  await page.getByLabel("New user's password").fill(agent.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Added ${agent.email}`)).toBeVisible();
  // Slow enough to still be running while the agent looks.
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  await page.getByLabel("Sends per second").fill("1");
  const rows = Array.from({ length: 30 }, () => `${uniquePhone()},Kim`);
  await page.getByLabel("Or paste the rows").fill(["phone,name", ...rows].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("30 recipients ready");
  await page.getByLabel("Every recipient opted in to receive this template").check();
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  const path = new URL(page.url()).pathname;

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  const agentPage = await context.newPage();
  await signIn(agentPage, agent);
  await expect(agentPage).toHaveURL(/\/compose$/);
  await agentPage.goto(path);
  await expect(agentPage.getByRole("progressbar", { name: "Broadcast progress" })).toBeVisible();
  await expect(agentPage.getByText(`Only ${ADMIN.email} or an admin can pause or cancel it.`)).toBeVisible();
  await expect(agentPage.getByRole("button", { name: "Pause" })).toHaveCount(0);
  const refused = await agentPage.request.post(`/api${path}`, {
    headers: { origin: new URL(baseURL!).origin },
    data: { action: "cancel" },
  });
  expect(refused.status()).toBe(403);
  await context.close();

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("paused");
  await page.getByRole("button", { name: "Cancel broadcast" }).click();
  await page.getByRole("button", { name: "Yes, cancel broadcast" }).click();
  await expect(page.getByTestId("broadcast-state")).toContainText("cancelled");
});

test("a state-changing request without Bellhop's own Origin is refused, form posts without JavaScript included", async ({
  page,
}) => {
  await page.goto("/users");
  // A plain form post to an action page carries no Next-Action header: the Origin decides all the same.
  for (const origin of [undefined, "https://evil.example", "null"]) {
    const response = await page.request.post("/users", {
      headers: origin ? { origin } : {},
      multipart: { $ACTION_ID_0: "" },
      maxRedirects: 0,
    });
    expect(response.status(), String(origin)).toBe(403);
  }
});
