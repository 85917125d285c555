import { expect, test } from "@playwright/test";
import { ComposePage, stub, uniquePhone } from "./support";

test("Send again opens Compose filled with that message and sends it as a new one", async ({ page }) => {
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.chooseType("Template");
  await compose.chooseTemplate("Welcome series");
  for (const [index, value] of ["Jack", "template", "Cheers"].entries()) {
    await compose.field(`Variable ${index + 1}`).fill(value);
  }
  await compose.field("Customer opted in").check();
  await page.getByRole("button", { name: "More options" }).click();
  await compose.field("Assign to team").selectOption({ label: "Sales" });
  await compose.field("Bot status").selectOption({ label: "Start bot" });
  await page.getByRole("button", { name: "Add metadata" }).click();
  await compose.field("Metadata key 1").fill("ticket");
  await compose.field("Metadata value 1").fill("T-42");
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");

  await page.goto("/history");
  const row = page.getByRole("row").filter({ hasText: to });
  await row.getByRole("link", { name: "Send again" }).click();

  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByText(/Filled in from an earlier send/)).toBeVisible();
  await expect(compose.field("Recipient")).toHaveValue(to);
  await expect(page.getByRole("radio", { name: "Template", exact: true })).toBeChecked();
  await expect(compose.field("Template")).toHaveValue("Welcome series");
  await expect(compose.field("Variable 3")).toHaveValue("Cheers");
  await expect(compose.field("Customer opted in")).toBeChecked();
  await page.getByRole("button", { name: "More options" }).click();
  await expect(compose.field("Metadata value 1")).toHaveValue("T-42");
  const [first] = await stub.sendsTo(to);
  expect(await compose.previewedBody()).toEqual(first!.body);

  // Edits survive a reload: the address no longer asks for the original.
  await compose.field("Variable 3").fill("Bye");
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("bellhop:compose-draft")))
    .toContain('"value":"Bye"');
  await page.reload();
  await compose.ready();
  await expect(compose.field("Variable 3")).toHaveValue("Bye");
  await compose.field("Variable 3").fill("Cheers");

  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  await expect.poll(async () => (await stub.sendsTo(to)).length).toBe(2);
  const [, second] = await stub.sendsTo(to);
  expect(second!.body).toEqual(first!.body);

  await page.goto("/history");
  await expect(page.getByRole("row").filter({ hasText: to })).toHaveCount(2);
});

test("Send again of an audio message keeps its type", async ({ page }) => {
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.chooseType("Audio");
  await compose.field("Media URL").fill("https://example.com/note.mp3");
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  await page.goto("/history");
  await page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: "Send again" }).click();
  await expect(page.getByRole("radio", { name: "Audio", exact: true })).toBeChecked();
  await expect(compose.field("Media URL")).toHaveValue("https://example.com/note.mp3");
});

test("Send again of a send that does not exist says so", async ({ page }) => {
  await page.goto("/compose?again=999999999");
  await expect(new ComposePage(page).alert()).toContainText("That send is not in the history");
});
