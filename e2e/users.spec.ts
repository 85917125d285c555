import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./support";

async function signedInAs(browser: Browser, credentials: { email: string; password: string }) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, credentials);
  return { context, page };
}

test("an admin adds an agent, who can send but not manage users, and deactivating ends the agent's session", async ({
  page,
  browser,
}) => {
  const agent = { email: `agent-${Date.now()}@bellhop.test`, password: "agent-password-123" };
  await page.goto("/users");
  // Typed but not an address: the sentence says so, and speaks of the new user, not of "your" email.
  await page.getByLabel("New user's email").fill("agent@");
  await page.getByLabel("New user's password").fill("short");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByLabel("New user's email")).toHaveAccessibleDescription(
    "Enter a valid email address, like name@example.com",
  );
  await expect(page.getByLabel("New user's password")).toHaveAccessibleDescription(/At least 12 characters/);
  await expect(page.getByLabel("New user's password")).toHaveValue("short");
  // The focus goes to the first field the answer marked, not to the page's body.
  await expect(page.getByLabel("New user's email")).toBeFocused();
  await page.getByLabel("New user's email").fill(agent.email);
  await page.getByLabel("New user's password").fill(agent.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Added ${agent.email}`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: agent.email });
  await expect(row).toContainText("agent");
  await expect(row).toContainText("active");

  const session = await signedInAs(browser, agent);
  await expect(session.page).toHaveURL(/\/compose$/);
  await expect(session.page.getByRole("link", { name: "Users" })).toHaveCount(0);
  const refused = await session.page.goto("/users");
  expect(refused!.status()).toBe(404);

  // Deactivating asks first; the safe choice has the focus, and Escape takes it.
  const deactivate = page.getByRole("button", { name: `Deactivate: ${agent.email}` });
  await deactivate.click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${agent.email}?` });
  await expect(dialog).toContainText("signed out");
  await expect(dialog.getByRole("button", { name: "Keep active" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).not.toContainText("deactivated");
  await deactivate.click();
  await dialog.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row).toContainText("deactivated");
  // Deactivate became Reactivate: the focus is on the button now in its place.
  await expect(page.getByRole("button", { name: `Reactivate: ${agent.email}` })).toBeFocused();
  // An outcome belongs to the last action: "Added … They can sign in now." does not stay beside a deactivated row.
  await expect(page.getByText(`Added ${agent.email}`)).toHaveCount(0);
  await expect(page.getByLabel("New user's password")).toHaveValue("");
  await session.page.goto("/compose");
  await expect(session.page).toHaveURL(/\/login/);
  await signIn(session.page, agent);
  await expect(session.page.getByRole("alert").filter({ hasText: "account is disabled" })).toBeVisible();

  await page.getByRole("button", { name: `Reactivate: ${agent.email}` }).click();
  await page.getByRole("button", { name: `Make admin: ${agent.email}` }).click();
  await expect(row).toContainText("admin");
  await signIn(session.page, agent);
  await expect(session.page.getByRole("link", { name: "Users" })).toBeVisible();
  await session.context.close();
});

test("an agent's call to the users action changes nothing", async ({ page, browser }) => {
  const agent = { email: `agent2-${Date.now()}@bellhop.test`, password: "agent-password-456" };
  const victim = { email: `victim-${Date.now()}@bellhop.test`, password: "victim-password-789" };
  for (const account of [agent, victim]) {
    await page.goto("/users");
    await page.getByLabel("New user's email").fill(account.email);
    await page.getByLabel("New user's password").fill(account.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`Added ${account.email}`)).toBeVisible();
  }
  // Capture the admin's deactivate call, then replay it with the agent's session.
  const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("button", { name: `Deactivate: ${victim.email}` }).click();
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  const call = await captured;
  await page.getByRole("button", { name: `Reactivate: ${victim.email}` }).click();
  await expect(page.getByRole("row").filter({ hasText: victim.email })).toContainText("active");

  const session = await signedInAs(browser, agent);
  await expect(session.page).toHaveURL(/\/compose$/);
  await session.page.request.post(call.url(), {
    headers: { ...call.headers(), origin: new URL(call.url()).origin },
    data: call.postDataBuffer()!,
  });
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: victim.email })).not.toContainText("deactivated");
  // The same replay with the admin's session does deactivate: the refusal above was about who asked.
  await page.request.post(call.url(), {
    headers: { ...call.headers(), origin: new URL(call.url()).origin },
    data: call.postDataBuffer()!,
  });
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: victim.email })).toContainText("deactivated");
  await session.context.close();
});
