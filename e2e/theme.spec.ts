import { expect, test, type Page } from "@playwright/test";

/** The page's own background, as painted: dark mode must change what is on screen, not only a class. */
async function backgroundLightness(page: Page) {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [first = 0, second = 0, third = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  // Chromium answers in the space the colour was written in: lab() (lightness 0–100), oklch() (0–1) or rgb().
  if (color.startsWith("lab")) return first / 100;
  if (color.startsWith("oklch")) return first;
  return (first + second + third) / (3 * 255);
}

test.describe("the colour scheme", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system by default, and the header's Theme choice is kept across pages and reloads", async ({
    page,
  }) => {
    await page.goto("/compose");
    const html = page.locator("html");
    const theme = page.getByRole("radiogroup", { name: "Theme" });
    await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();
    await expect(html).toHaveClass(/\bdark\b/);
    expect(await backgroundLightness(page)).toBeLessThan(0.3);

    await theme.getByRole("radio", { name: "Light" }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
    await page.goto("/history");
    await expect(
      page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Light" }),
    ).toBeChecked();
    await expect(html).not.toHaveClass(/\bdark\b/);

    // Arrow keys move the choice, as in any radio group.
    await page.getByRole("radio", { name: "Light" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Dark" })).toBeFocused();
    await expect(html).toHaveClass(/\bdark\b/);
    // Rendered dark by the server, before any script: no flash of light.
    const served = await page.request.get("/history");
    expect(await served.text()).toMatch(/<html[^>]*class="[^"]*\bdark\b/);

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.getByRole("radio", { name: "System" }).click();
    await page.emulateMedia({ colorScheme: "light" });
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(html).toHaveClass(/\bdark\b/);
  });
});
