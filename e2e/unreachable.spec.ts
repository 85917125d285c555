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
  await expect(await compose.openRequestPreview()).toContainText('"assigned_user": "someone@example.com"');

  await compose.chooseType("Template");
  await expect(page.getByText("Templates could not be loaded from Callbell")).toBeVisible();
  await page.getByRole("button", { name: "Refresh templates" }).click();
  await expect(page.getByText("Templates could not be loaded from Callbell")).toBeVisible();
});

test("without the template list, a template is composed by its uuid with rows added by hand, and kept while no channel can be read", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+31612345678");
  await compose.chooseType("Template");
  await expect(page.getByText("You can still send one by its uuid")).toBeVisible();
  await compose.field("Template").fill("tpl-by-hand");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByRole("button", { name: "Add variable" }).click();
  await compose.field("Variable 1").fill("first");
  await compose.field("Variable 2").fill("second");
  await page.getByRole("button", { name: "Remove variable 1" }).click();
  await expect(page.getByLabel(/^Variable \d+$/)).toHaveCount(1);
  await expect(compose.field("Variable 1")).toHaveValue("second");
  await compose.field("Media header").selectOption({ label: "Document" });
  await compose.field("Media URL").fill("https://example.com/invoice.pdf");
  await compose.field("Customer opted in").check();
  await expect((await compose.openRequestPreview()).locator("code").first()).toContainText("invoice.pdf");
  expect(await compose.previewedBody()).toMatchObject({
    type: "document",
    content: { text: "second", url: "https://example.com/invoice.pdf" },
    template_uuid: "tpl-by-hand",
    optin_contact: true,
  });
  // Callbell requires a channel, and the channels could not be read: nothing leaves, and the message is kept.
  await expect(compose.field("Channel")).toHaveAccessibleDescription(
    /WhatsApp channels could not be read from Callbell.*your message is kept/,
  );
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
  await compose.send();
  await expect(compose.field("Channel")).toHaveAttribute("aria-invalid", "true");
  await expect(compose.field("Channel")).toHaveAccessibleDescription(/cannot name its channel: try again/);
  await page.reload();
  await compose.ready();
  await expect(compose.field("Variable 1")).toHaveValue("second");
  await expect(compose.field("Template")).toHaveValue("tpl-by-hand");
});
