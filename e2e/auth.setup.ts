import { expect, test as setup } from "@playwright/test";
import { SERVERS, signIn, storageStateFor } from "./support";

// Sign in once per server and keep the session: every other test starts signed in (the README shows the same).
for (const [project, baseURL] of Object.entries(SERVERS)) {
  setup(`sign in on the ${project} server`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page);
    await expect(page).toHaveURL(/\/compose$/);
    await context.storageState({ path: storageStateFor(project) });
    await context.close();
  });
}
