import { expect, test } from "@playwright/test";

// This server starts with an empty database and no BELLHOP_ADMIN_* variables.
test("the first visitor creates the admin on /setup, which is then gone", async ({ page }) => {
  await page.goto("/compose");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Email", { exact: true }).fill("first@bellhop.test");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(
    /At least 12 characters/,
  );

  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByText("first@bellhop.test")).toBeVisible();

  // No broadcast yet: a sample list to start from, and how to.
  await page.goto("/broadcasts");
  await expect(page.getByText("No broadcast yet")).toBeVisible();
  const sample = await page.getByRole("link", { name: "Download a sample CSV" }).getAttribute("href");
  expect((await (await page.request.get(sample!)).text()).split("\r\n")[0]).toBe("phone,1,2,3");

  expect((await page.request.get("/setup")).status()).toBe(404);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/setup");
  await expect(page.getByText(/not found/i)).toBeVisible();
});
