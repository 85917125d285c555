import { expect, test, type Locator } from "@playwright/test";
import { ComposePage, uniquePhone } from "./support";

// Issue 21, items 4, 6, 7 and 8: what an agent sees and types on /compose, checked in the browser.

const box = async (locator: Locator) => (await locator.boundingBox())!;

test("the request sits in a Request disclosure, closed by default and remembered; it claims opt-in only when ticked", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  const toggle = page.getByRole("button", { name: "Request", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(compose.requestPreview()).toHaveCount(0);

  await compose.field("Recipient").fill(uniquePhone());
  await compose.chooseType("Template");
  await compose.chooseTemplate("Order ready");
  await compose.field("Variable 1").fill("Ann");
  const json = (await compose.openRequestPreview()).locator("code").first();
  await expect(json).toContainText('"template_uuid": "tpl-one-var"');
  await expect(json).not.toContainText("optin_contact");
  await compose.field("Customer opted in").check();
  await expect(json).toContainText('"optin_contact": true');
  await compose.field("Customer opted in").uncheck();
  await expect(json).not.toContainText("optin_contact");

  // Remembered for this user: open after a reload, and closed again once closed.
  await page.reload();
  await compose.ready();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Copy curl" })).toBeVisible();
  const keys = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.includes("request-open")),
  );
  expect(keys).toEqual([expect.stringMatching(/^bellhop:request-open:\S+$/)]);
  await toggle.click();
  await page.reload();
  await compose.ready();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(compose.requestPreview()).toHaveCount(0);
});

test("the template picker by keyboard: Tab goes on to Variable 1, Escape then ArrowDown starts at the first option", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.chooseType("Template");
  const combobox = compose.field("Template");
  await combobox.fill("Welcome series");
  await combobox.press("Tab");
  await expect(combobox).toHaveValue("Welcome series");
  await expect(compose.field("Variable 1")).toBeFocused();

  await combobox.focus();
  await combobox.pressSequentially("welc");
  await combobox.press("Escape");
  await expect(combobox).toHaveValue("Welcome series");
  await combobox.press("ArrowDown");
  // An option is named by its title alone; the rest describes it.
  const first = page.getByRole("option", { name: "Order ready", exact: true });
  await expect(first).toHaveAccessibleDescription(
    /approved.*Utility · text only · 1 variable.*Hello \{\{1\}\}/,
  );
  await expect(combobox).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
});

test("a refused send focuses the first field in error on screen: a template's empty Media URL before its variables", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+447700900123");
  await compose.chooseType("Template");
  await compose.chooseTemplate("New product (image)");
  await compose.send();
  await expect(compose.field("Media URL")).toBeFocused();
  await compose.field("Media URL").fill("https://example.com/product.jpg");
  await compose.send();
  await expect(compose.field("Variable 1")).toBeFocused();
});

test("alignment at 1280 and 412 px: Recipient and Platform level, More options a real toggle, six types in even rows, no ticks before sending", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const compose = new ComposePage(page);
  await compose.open();
  const [recipient, platform] = [await box(compose.field("Recipient")), await box(compose.field("Platform"))];
  expect(Math.abs(recipient.y - platform.y)).toBeLessThanOrEqual(1);
  expect(recipient.height).toBe(platform.height);

  const more = page.getByRole("button", { name: "More options", exact: true });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(more.locator("svg")).toBeVisible();
  // The toggle spans its box: no bare triangle in an empty frame.
  expect((await box(more)).width).toBeGreaterThan(recipient.width);

  await compose.field("Message").fill("Hello there");
  await expect(compose.messagePreview()).toContainText("Hello there");
  await expect(compose.messagePreview()).not.toContainText("✓");
  await expect(compose.messagePreview()).not.toContainText("now");

  await page.setViewportSize({ width: 412, height: 900 });
  const radios = page.getByRole("radiogroup", { name: "Message type" }).getByRole("radio");
  await expect(radios).toHaveCount(6);
  const tops = await Promise.all((await radios.all()).map(async (radio) => Math.round((await box(radio)).y)));
  expect(tops.slice(0, 3).every((top) => top === tops[0])).toBe(true);
  expect(tops.slice(3).every((top) => top === tops[3])).toBe(true);
  expect(tops[3]).toBeGreaterThan(tops[0]!);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
});

/** A fixed-offset zone where it is about noon now: the open window (2 hours old) then closes tomorrow morning. */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

test.describe("a window closing tomorrow", () => {
  test.use({ timezoneId: zoneAtNoon() });
  test("says tomorrow", async ({ page }) => {
    const compose = new ComposePage(page);
    await compose.open();
    await compose.field("Recipient").fill("+31600000100");
    await expect(page.getByRole("region", { name: "Conversation window" })).toContainText(
      /open, 2\d h( \d+ min)? left \(until \d\d:\d\d \S+ tomorrow\)/,
    );
  });
});
