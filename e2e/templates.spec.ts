import { expect, test } from "@playwright/test";
import { ComposePage, onlySendTo, stub, uniquePhone } from "./support";

test.describe("choosing a template", () => {
  test("searches titles and texts; only approved templates can be chosen", async ({ page }) => {
    const compose = new ComposePage(page);
    await compose.open();
    await compose.chooseType("Template");
    const combobox = page.getByRole("combobox", { name: "Template", exact: true });

    await combobox.fill("template example");
    await expect(page.getByRole("listbox", { name: "Templates" }).getByRole("option")).toHaveCount(1);
    await expect(compose.templateOption("Welcome series")).toContainText(
      "Marketing · text only · 3 variables",
    );
    await expect(compose.templateOption("Welcome series")).toContainText("approved");

    await combobox.fill("SALE");
    const pending = compose.templateOption("Spring sale");
    await expect(pending).toBeDisabled();
    await expect(pending).toContainText("pending");
    await pending.click({ force: true });
    await expect(combobox).toHaveValue("SALE");
    await expect(page.getByLabel(/^Variable \d+$/)).toHaveCount(0);

    await combobox.fill("no such words");
    await expect(page.getByRole("listbox")).toContainText("No template matches");

    // Keyboard: nothing is highlighted while typing, so ArrowDown goes to the first match; Enter chooses the first
    // match without sending the form.
    await page.mouse.move(0, 0); // a pointer resting on the list highlights what it rests on
    await combobox.fill("order");
    await expect(combobox).not.toHaveAttribute("aria-activedescendant");
    await combobox.press("ArrowDown");
    await expect(combobox).toHaveAttribute(
      "aria-activedescendant",
      (await compose.templateOption("Order ready").getAttribute("id"))!,
    );
    await combobox.fill("ready");
    await combobox.press("Enter");
    await expect(combobox).toHaveValue("Order ready");
    await expect(page.getByLabel(/^Variable \d+$/)).toHaveCount(1);
    await expect(compose.alert()).toHaveCount(0);

    // Typing an exact title and leaving the field chooses it.
    await combobox.fill("new product (IMAGE)");
    await combobox.press("Tab");
    await expect(combobox).toHaveValue("New product (image)");
    await expect(page.getByText("This template has an image header")).toBeVisible();
    await expect(page.getByText("JPEG or PNG, at most 5 MB")).toBeVisible();
  });

  test("Refresh templates reads the list from Callbell again", async ({ page }) => {
    const compose = new ComposePage(page);
    const title = `Flash notice ${Date.now()}`;
    await compose.open();
    await compose.chooseType("Template");
    await expect(
      page.getByText(/Read from Callbell \d+ minutes? ago|Read from Callbell just now/),
    ).toBeVisible();
    await stub.addTemplate({ uuid: `tpl-flash-${Date.now()}`, title, text: "Heads up: {{1}} is down." });
    await compose.field("Template").fill(title);
    await expect(page.getByRole("listbox")).toContainText("No template matches");

    await page.getByRole("button", { name: "Refresh templates" }).click();
    await expect(page.getByText("Read from Callbell just now")).toBeVisible();
    await compose.chooseTemplate(title);

    const to = uniquePhone();
    await compose.field("Recipient").fill(to);
    await compose.field("Variable 1").fill("Checkout");
    await compose.field("Customer opted in").check();
    await compose.send();
    await expect(compose.status()).toContainText("Message enqueued");
    expect((await onlySendTo(to)).body).toMatchObject({ content: { text: "Checkout" }, optin_contact: true });
  });

  test("each value shows the words around its placeholder and its rules as the agent types", async ({
    page,
  }) => {
    const compose = new ComposePage(page);
    await compose.open();
    await compose.chooseType("Template");
    await compose.chooseTemplate("Welcome series");
    await expect(page.getByText("Hello {{1}}, this is a…")).toBeVisible();
    await expect(page.getByText("…is a template {{2}} example. {{3}}!")).toBeVisible();

    const first = compose.field("Variable 1");
    // A row that just appeared waits for the agent before it complains.
    await expect(first).not.toHaveAttribute("aria-invalid", "true");
    const cases: [string, string][] = [
      ["tab\there", "WhatsApp refuses new lines and tabs in a template value"],
      ["five     spaces", "At most 4 spaces in a row"],
      ["x".repeat(1025), "At most 1024 characters"],
      ["", "Enter a value"],
    ];
    for (const [value, message] of cases) {
      await first.fill(value);
      await expect(first).toHaveAttribute("aria-invalid", "true");
      await expect(first).toHaveAccessibleDescription(new RegExp(message));
    }
    await first.fill("four    spaces");
    await expect(first).not.toHaveAttribute("aria-invalid", "true");
  });
});

test("Assign to team lists the teams; Assign to user offers the chosen team's members", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await page.getByRole("button", { name: "More options" }).click();
  const team = compose.field("Assign to team");
  await expect(team.locator("option")).toHaveText(["No team", "Support", "Sales"]);
  const offered = page.locator("#compose-team-members option");
  await expect(offered).toHaveCount(2);
  await expect(
    offered.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
  ).resolves.toEqual(["ana@example.com", "bo@example.com"]);
  await team.selectOption({ label: "Sales" });
  await expect(offered).toHaveCount(1);
  await expect(offered).toHaveAttribute("value", "bo@example.com");
  await expect(compose.field("Assign to user")).toHaveAccessibleDescription(/Members of Sales are offered/);
});
