import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { everySignedInPage } from "./support";

/** axe over a page as loaded: the violations a screen-reader or keyboard user would hit (serious or critical). */
async function seriousViolations(page: Page, route: string) {
  await page.goto(route);
  await page.waitForLoadState("networkidle");
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  expect(passes.length, `axe checked ${route}`).toBeGreaterThan(10);
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${route}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    // The reader's system setting: the default "system" theme follows it, so both schemes are checked, contrast included.
    test.use({ colorScheme });
    test("no page has a serious or critical accessibility violation", async ({ page, browser }, testInfo) => {
      test.setTimeout(90_000);
      await page.goto("/login");
      await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await checkEveryPage(page, browser, testInfo.project.use.baseURL, colorScheme);
    });
  });
}

async function checkEveryPage(
  page: Page,
  browser: Browser,
  baseURL: string | undefined,
  colorScheme: "light" | "dark",
) {
  const routes = await everySignedInPage(page.request);

  const found: string[] = [];
  for (const route of routes) found.push(...(await seriousViolations(page, route)));
  // The template picker and its rows, which load when Template is chosen.
  await page.goto("/compose");
  await page.getByRole("radio", { name: "Template", exact: true }).click();
  await expect(page.getByLabel("Template", { exact: true })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  found.push(
    ...violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `/compose (template): ${violation.id} ${violation.help}`),
  );

  const signedOut = await browser.newContext({ baseURL, colorScheme });
  found.push(...(await seriousViolations(await signedOut.newPage(), "/login")));
  await signedOut.close();
  expect(found, `${colorScheme} colour scheme`).toEqual([]);
}
