import { expect, test } from "@playwright/test";
import { ADMIN, ComposePage, signIn, stub, uniquePhone } from "./support";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends you to sign in, and back where you were after", async ({ page }) => {
    await page.goto("/history");
    await expect(page).toHaveURL(/\/login\?next=%2Fhistory$/);
    await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/history$/);
    await expect(page.getByRole("banner").getByText(ADMIN.email)).toBeVisible();
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await signIn(page, { email: ADMIN.email, password: "not-the-password" });
    // The answer takes the focus (a form action would leave it on the page's body).
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeFocused();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(ADMIN.email);
  });

  test("repeated failures on one account are slowed down", async ({ page }) => {
    const email = `nobody-${Date.now()}@bellhop.test`;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, { email, password: `wrong-${attempt}` });
      await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
    }
    await signIn(page, { email, password: "wrong-6" });
    await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toContainText(
      /Too many failed sign-ins for this account\. Try again in \d+ seconds/,
    );
  });

  test("route handlers answer 401 and the health check stays open", async ({ request }) => {
    expect((await request.get("/api/history")).status()).toBe(401);
    expect((await request.get("/api/contacts/lookup?phone=%2B31612345678")).status()).toBe(401);
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    // Open to load balancers, and telling a stranger nothing: not even the mode.
    expect(await health.json()).toEqual({ status: "ok" });
  });

  test("/setup does not exist once there is a user", async ({ request }) => {
    expect((await request.get("/setup")).status()).toBe(404);
  });
});

test("signing out ends the session", async ({ browser }) => {
  // A session of its own: signing out must not end the one the other tests share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page);
  await expect(page).toHaveURL(/\/compose$/);
  const [cookie] = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/compose");
  await expect(page).toHaveURL(/\/login/);
  // The old cookie is dead on the server too, not only gone from the browser.
  const replay = await browser.newContext({ storageState: { cookies: [cookie!], origins: [] } });
  const again = await replay.newPage();
  await again.goto("/history");
  await expect(again).toHaveURL(/\/login/);
  await context.close();
  await replay.close();
});

test("an unsent draft is the typist's own: sign-out forgets it, another person's is never restored, a session left open is forgotten at sign-in", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page);
  await expect(page).toHaveURL(/\/compose$/);
  const compose = new ComposePage(page);
  await compose.ready();
  await compose.field("Recipient").fill("+15550000123");
  await compose.field("Message").fill("A refund code for this customer only");
  const stored = () => page.evaluate(() => localStorage.getItem("bellhop:compose-draft"));
  await expect.poll(stored).toContain("A refund code");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await stored()).toBeNull();

  // A draft left by someone else (a browser that was closed without signing out) stays unread.
  await page.evaluate(() =>
    localStorage.setItem(
      "bellhop:compose-draft",
      JSON.stringify({ owner: "someone-else", values: { to: "+15550000123", text: "Not yours" } }),
    ),
  );
  await signIn(page);
  await expect(page).toHaveURL(/\/compose$/);
  await compose.ready();
  await expect(compose.field("Recipient")).toHaveValue("");
  await expect(compose.field("Message")).toHaveValue("");
  // ...and it is gone from the browser, not only unread: nobody reads it from the storage either.
  await expect.poll(async () => (await stored()) ?? "").not.toContain("Not yours");

  // Without Sign out (a session that expired, a window closed): the sign-in page forgets what was left, drafts and
  // the wizard's pasted list alike, before anyone signs in.
  await compose.field("Message").fill("Another code, left behind");
  await expect.poll(stored).toContain("left behind");
  await page.evaluate(() =>
    localStorage.setItem("bellhop:broadcast-draft", JSON.stringify({ owner: "x", list: "a" })),
  );
  await context.clearCookies();
  await page.goto("/compose");
  await expect(page).toHaveURL(/\/login/);
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => /draft|compose\./.test(key))))
    .toEqual([]);
  await context.close();
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page }) => {
  await page.goto("/compose");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a send action posted without a session is refused and nothing reaches Callbell", async ({
  page,
  playwright,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await compose.field("Recipient").fill(uniquePhone());
  await compose.field("Message").fill("Signed in");
  await compose.send();
  const action = await captured;
  await expect(compose.status()).toContainText("Message enqueued");

  const to = uniquePhone();
  const anonymous = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await anonymous.post(action.url(), {
    headers: {
      "next-action": action.headers()["next-action"]!,
      "content-type": action.headers()["content-type"]!,
      origin: new URL(action.url()).origin,
    },
    data: action
      .postData()!
      .replace(/"to":"[^"]*"/, `"to":"${to}"`)
      .replace(/"idempotencyKey":"[^"]*"/, `"idempotencyKey":"${crypto.randomUUID()}"`),
  });
  expect(await response.text()).toContain("You are signed out");
  expect(await stub.sendsTo(to)).toEqual([]);
  await anonymous.dispose();
});
