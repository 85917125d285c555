import { expect, test } from "@playwright/test";
import { STUB_TOKEN } from "./support";

test("a token in the environment is shown as set by the environment, masked, and cannot be replaced on the page", async ({
  page,
}) => {
  const response = await page.goto("/settings");
  await expect(page.getByText("Set by the environment")).toBeVisible();
  await expect(page.getByText("••••4f9a")).toBeVisible();
  await expect(page.getByLabel("Callbell API token")).toHaveCount(0);
  await expect(page.getByRole("banner")).toContainText("Live: Callbell account");
  await expect(page.getByRole("button", { name: "Switch to sandbox" })).toBeVisible();
  expect(await response!.text()).not.toContain(STUB_TOKEN);
});
