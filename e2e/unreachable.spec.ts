import { expect, test } from "@playwright/test";
import { ComposePage } from "./support";

// This Bellhop has a token, but nothing answers at its Callbell address.
test("without Callbell, the pickers take a typed email and the form says what is missing", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await page.getByRole("button", { name: "More options" }).click();
  await expect(compose.field("Assign to team")).toHaveAccessibleDescription(/Teams could not be loaded/);
  await expect(compose.field("Assign to team").locator("option")).toHaveText(["No team"]);
  const user = compose.field("Assign to user");
  await expect(user).toHaveAccessibleDescription(/type the email of a member/);
  await user.fill("someone@example.com");
  await expect(user).not.toHaveAttribute("aria-invalid", "true");
  await expect(compose.requestPreview()).toContainText('"assigned_user": "someone@example.com"');

  await compose.chooseType("Template");
  await expect(page.getByText("Templates could not be loaded from Callbell")).toBeVisible();
  await page.getByRole("button", { name: "Refresh templates" }).click();
  await expect(page.getByText("Templates could not be loaded from Callbell")).toBeVisible();
});
