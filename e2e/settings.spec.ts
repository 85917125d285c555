import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ADMIN, ComposePage, STUB_TOKEN, onlySendTo, signIn, uniquePhone } from "./support";

// One Bellhop (port 3104) whose mode these tests switch: they run one after the other.
test.describe.configure({ mode: "serial" });

/** Every body and header the browser receives in this context, to prove the token is never among them. */
function recordResponses(context: BrowserContext) {
  const received: Promise<string>[] = [];
  context.on("response", (response) => {
    received.push(
      response
        .body()
        .then((body) => body.toString("utf8"))
        .catch(() => "")
        .then((body) => `${JSON.stringify(response.headers())}\n${body}`),
    );
  });
  return async () => (await Promise.all(received)).join("\n");
}

/** Back to a server with no stored token, in sandbox mode, whatever an earlier (retried) run left. */
async function resetSettings(page: Page) {
  await page.goto("/settings");
  if (await page.getByRole("button", { name: "Switch to sandbox" }).isVisible()) {
    await page.getByRole("button", { name: "Switch to sandbox" }).click();
    await expect(page.getByRole("button", { name: "Switch to live" })).toBeVisible();
  }
  if (await page.getByRole("button", { name: "Remove token" }).isVisible()) {
    await page.getByRole("button", { name: "Remove token" }).click();
    await expect(page.getByText("No token yet")).toBeVisible();
  }
}

test("an admin checks a token with Callbell, saves it, goes live explicitly, sends, and removes it: the token never comes back to the browser", async ({
  page,
  context,
}) => {
  const allReceived = recordResponses(context);
  await resetSettings(page);
  const header = page.getByRole("banner");
  await expect(page.getByText("Sandbox: messages are not delivered")).toBeVisible();
  await expect(header).toContainText("Sandbox mode");
  await expect(page.getByRole("button", { name: "Switch to live" })).toBeDisabled();
  // The sandbox without a webhook is no fault: said plainly, not as a warning.
  await expect(page.getByTestId("webhook-deliveries-none")).toContainText("The sandbox has no webhook");
  await expect(page.getByTestId("webhook-deliveries-error")).toHaveCount(0);

  const token = page.getByLabel("Callbell API token");
  await page.getByRole("button", { name: "Check token" }).click();
  await expect(token).toHaveAccessibleDescription(/Paste the API token/);
  await token.fill("not-the-right-token-0000");
  await page.getByRole("button", { name: "Check token" }).click();
  await expect(token).toHaveAccessibleDescription(/Callbell refused the API token: Invalid API token/);
  await expect(page.getByRole("button", { name: "Save token" })).toHaveCount(0);

  await token.fill(`  ${STUB_TOKEN}  `);
  await page.getByRole("button", { name: "Check token" }).click();
  await expect(page.getByRole("status")).toContainText("belongs to the Callbell account stub@example.com");
  await expect(page.getByRole("status")).toContainText("••••4f9a");
  await expect(token).toHaveValue(`  ${STUB_TOKEN}  `);
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(page.getByText("Saved the token ••••4f9a of stub@example.com")).toBeVisible();
  await expect(token).toHaveValue("");
  await expect(page.getByText(/Stored \(encrypted\): ••••4f9a of stub@example.com/)).toBeVisible();
  // Saving is not switching: still the sandbox until the admin says so.
  await expect(header).toContainText("Sandbox mode");

  await page.getByRole("button", { name: "Switch to live" }).click();
  await expect(header).toContainText("Live: Callbell account stub@example.com");
  await expect(page.getByText("Sandbox: messages are not delivered")).toHaveCount(0);
  // The page's one outcome is the switch's: the save's answer does not stay beside it.
  await expect(page.getByRole("status")).toHaveText(/^Bellhop is live/);
  await expect(page.getByText("Saved the token")).toHaveCount(0);

  // Agents' sends now go to Callbell with the stored token.
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await expect(header).toContainText("Live: Callbell account stub@example.com");
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill("Sent with the token from settings");
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  expect((await onlySendTo(to)).headers.authorization).toBe(`Bearer ${STUB_TOKEN}`);
  await page.goto("/history");
  await expect(page.getByRole("table")).toContainText(to);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Remove token" }).click();
  await expect(page.getByRole("status")).toContainText("Bellhop is back in sandbox mode");
  await expect(header).toContainText("Sandbox mode");
  await expect(page.getByText("Sandbox: messages are not delivered")).toBeVisible();
  await expect(page.getByRole("button", { name: "Switch to live" })).toBeDisabled();

  const received = await allReceived();
  expect(received.length).toBeGreaterThan(10_000);
  expect(received).not.toContain(STUB_TOKEN);
  expect(received).not.toContain("secret-token");
});

test("an agent gets no settings page, and replaying an admin's settings actions changes nothing", async ({
  page,
  browser,
}) => {
  await resetSettings(page);
  const agent = { email: `agent-settings-${Date.now()}@bellhop.test`, password: "agent-password-987" };
  await page.goto("/users");
  await page.getByLabel("New user's email").fill(agent.email);
  await page.getByLabel("New user's password").fill(agent.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Added ${agent.email}`)).toBeVisible();

  // Capture the admin's own calls: save a token, then switch to live.
  await page.goto("/settings");
  await page.getByLabel("Callbell API token").fill(STUB_TOKEN);
  await page.getByRole("button", { name: "Check token" }).click();
  const isAction = (r: { method(): string; headers(): Record<string, string> }) =>
    r.method() === "POST" && !!r.headers()["next-action"];
  const saveCall = page.waitForRequest(isAction);
  await page.getByRole("button", { name: "Save token" }).click();
  const save = await saveCall;
  await expect(page.getByRole("button", { name: "Switch to live" })).toBeEnabled();
  const liveCall = page.waitForRequest(isAction);
  await page.getByRole("button", { name: "Switch to live" }).click();
  const live = await liveCall;
  await expect(page.getByRole("banner")).toContainText("Live: Callbell account");
  const removeCall = page.waitForRequest(isAction);
  await page.getByRole("button", { name: "Remove token" }).click();
  const remove = await removeCall;
  await expect(page.getByRole("banner")).toContainText("Sandbox mode");

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const agentPage = await context.newPage();
  await signIn(agentPage, agent);
  await expect(agentPage).toHaveURL(/\/compose$/);
  await expect(agentPage.getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect((await agentPage.goto("/settings"))!.status()).toBe(404);

  for (const call of [save, live, remove]) {
    const response = await agentPage.request.post(call.url(), {
      headers: { ...call.headers(), origin: new URL(call.url()).origin },
      data: call.postDataBuffer()!,
    });
    expect(await response.text()).toContain("Only an admin can change");
  }
  await page.goto("/settings");
  await expect(page.getByText("No token yet")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Sandbox mode");

  // The same replays with the admin's session do work: the refusal above was about who asked.
  await page.request.post(save.url(), {
    headers: { ...save.headers(), origin: new URL(save.url()).origin },
    data: save.postDataBuffer()!,
  });
  await page.goto("/settings");
  await expect(page.getByText(/Stored \(encrypted\): ••••4f9a/)).toBeVisible();
  await resetSettings(page);
  await context.close();
});

test("token checks, saves, removals and mode switches are on /audit, with the account but never the token", async ({
  page,
}) => {
  await resetSettings(page);
  const token = page.getByLabel("Callbell API token");
  await token.fill("not-the-right-token-0000");
  await page.getByRole("button", { name: "Check token" }).click();
  await expect(token).toHaveAccessibleDescription(/Callbell refused the API token/);
  await token.fill(STUB_TOKEN);
  await page.getByRole("button", { name: "Check token" }).click();
  await expect(page.getByRole("status")).toContainText("stub@example.com");
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(page.getByText(/Stored \(encrypted\): ••••4f9a/)).toBeVisible();
  await page.getByRole("button", { name: "Switch to live" }).click();
  await expect(page.getByRole("banner")).toContainText("Live: Callbell account");
  await page.getByRole("button", { name: "Remove token" }).click();
  await expect(page.getByRole("banner")).toContainText("Sandbox mode");

  const rows = page.getByRole("table", { name: "Audit trail" }).locator("tbody tr");
  await page.goto("/audit?kind=token-checked");
  await expect(rows.nth(0)).toContainText("Callbell accepted it: account stub@example.com");
  await expect(rows.nth(0)).toContainText(ADMIN.email);
  await expect(rows.nth(1)).toContainText("Callbell refused it");
  await page.goto("/audit?kind=token-saved");
  await expect(rows.nth(0)).toContainText("token of account stub@example.com");
  await page.goto("/audit?kind=token-removed");
  await expect(rows.nth(0)).toContainText(
    "token of account stub@example.com; Bellhop went back to the sandbox",
  );
  await page.goto("/audit?kind=mode-switched");
  await expect(rows.nth(0)).toContainText("live → sandbox (the token was removed)");
  await expect(rows.nth(1)).toContainText("sandbox → live");

  // Nowhere in the trail: not the token, not its last characters.
  await page.goto("/audit");
  await expect(rows.first()).toBeVisible();
  for (const kind of ["Token checked", "Token saved", "Token removed", "Mode switched"]) {
    await expect(rows.filter({ hasText: kind }).first()).toBeVisible();
  }
  expect(await page.content()).not.toContain(STUB_TOKEN);
  const shown = await page.getByRole("table", { name: "Audit trail" }).innerText();
  expect(shown).not.toContain("4f9a");
  expect(shown).not.toContain("not-the-right-token");
});
