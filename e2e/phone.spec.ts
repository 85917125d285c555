import { expect, test, type Browser } from "@playwright/test";
import { everySignedInPage } from "./support";

/** A mid-range phone, as Lighthouse emulates one: 412 CSS pixels wide. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

async function phoneContext(browser: Browser, baseURL: string, storageState?: string) {
  return browser.newContext({
    ...PHONE,
    baseURL,
    storageState: storageState ?? { cookies: [], origins: [] },
  });
}

test("no page is wider than a phone's screen", async ({ browser, request }, testInfo) => {
  test.setTimeout(90_000);
  const baseURL = testInfo.project.use.baseURL!;
  const routes = await everySignedInPage(request);

  const signedIn = await phoneContext(browser, baseURL, testInfo.project.use.storageState as string);
  const signedOut = await phoneContext(browser, baseURL);
  const wide: string[] = [];
  try {
    const page = await signedIn.newPage();
    const check = async (route: string, on = page) => {
      await on.goto(route);
      await on.waitForLoadState("networkidle");
      // A page wider than the screen scrolls sideways, and a phone lays every page out at its width.
      const { scrollWidth, screenWidth, culprits } = await on.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        screenWidth: window.visualViewport?.width ?? window.innerWidth,
        // The outermost elements that stick out: their parent does not.
        culprits: [...document.querySelectorAll("body *")]
          .filter((element) => {
            const edge = (window.visualViewport?.width ?? window.innerWidth) + 1;
            const parent = element.parentElement;
            return (
              element.getBoundingClientRect().right > edge &&
              (!parent || parent.getBoundingClientRect().right <= edge)
            );
          })
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}`),
      }));
      if (scrollWidth > screenWidth)
        wide.push(`${route}: ${scrollWidth} px wide on a ${screenWidth} px screen (${culprits.join(", ")})`);
    };
    for (const route of routes) await check(route);
    await check("/login", await signedOut.newPage());
  } finally {
    await signedIn.close();
    await signedOut.close();
  }
  expect(wide).toEqual([]);
});

test("on a phone, the main navigation and Sign out are on screen and work", async ({ browser }, testInfo) => {
  const context = await phoneContext(
    browser,
    testInfo.project.use.baseURL!,
    testInfo.project.use.storageState as string,
  );
  try {
    const page = await context.newPage();
    await page.goto("/compose");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Compose", "History", "Broadcasts", "Users", "Settings", "Audit"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await nav.getByRole("link", { name: "History", exact: true }).tap();
    await expect(page).toHaveURL(/\/history$/);
  } finally {
    await context.close();
  }
});
