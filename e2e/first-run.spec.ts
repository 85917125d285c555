import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { FIRST_RUN_LOG } from "./support";

// This server starts with an empty database and no BELLHOP_ADMIN_* variables.
test("the first visitor creates the admin on /setup, which is then gone", async ({ page, baseURL }) => {
  // The server's log says where to go, in full: the address Next listens on, with its port.
  const port = new URL(baseURL!).port;
  expect(readFileSync(FIRST_RUN_LOG, "utf8")).toContain(
    `Bellhop: open http://localhost:${port}/setup to create the first admin`,
  );

  await page.goto("/compose");
  await expect(page).toHaveURL(/\/setup$/);
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  await email.fill("first@bellhop");
  await password.fill("short");
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(password).toHaveAccessibleDescription(/At least 12 characters/);
  await expect(email).toHaveAccessibleDescription("Enter a valid email address, like name@example.com");
  // A failed submit keeps what was typed, the password too (in the browser only: never echoed in the HTML).
  await expect(email).toHaveValue("first@bellhop");
  await expect(password).toHaveValue("short");
  expect(await page.content()).not.toContain('value="short"');

  await email.fill("first@bellhop.test");

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
