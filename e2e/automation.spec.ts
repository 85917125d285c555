import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { chooseBroadcastTemplate, ComposePage, SERVERS, storageStateFor, uniquePhone } from "./support";

// The automation contract is the table in docs/automation.md: this spec reads that very table, so the documented names
// and the pages cannot drift apart. Each row is found by its role and exact name, in the state its `shown` column names.

type AriaRole = Parameters<Page["getByRole"]>[0];
type Row = { page: string; role: AriaRole; name: string; shown: string };

const cell = (text: string) => text.trim().replace(/^`(.*)`$/, "$1");

function contractRows(): Row[] {
  const markdown = readFileSync("docs/automation.md", "utf8");
  const section = markdown.split(/^## The names$/m)[1]!.split(/^## /m)[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2) // the header and its separator
    .map((line) => {
      const [page, role, name, shown] = line.split("|").slice(1, 5).map(cell);
      return { page: page!, role: role as AriaRole, name: name!, shown: shown! };
    });
}

/** What a state's setup leaves for the names: the page it is on, and values for `N` and `<email>`. */
type Reached = { page: Page; n?: string; email?: string };
type Setup = (page: Page, browser: Browser) => Promise<Reached>;

async function freshCompose(page: Page) {
  const compose = new ComposePage(page);
  await compose.open();
  return compose;
}

/** A context on another e2e server, signed in by the setup project. */
async function pageOn(browser: Browser, server: keyof typeof SERVERS) {
  const context = await browser.newContext({
    baseURL: SERVERS[server],
    storageState: storageStateFor(server),
  });
  return context.newPage();
}

/** Goes to /users, adds an agent with a fresh email, and returns it. */
async function addAgent(page: Page) {
  const email = `contract-${Date.now()}-${Math.floor(Math.random() * 1e6)}@bellhop.test`;
  await page.goto("/users");
  await page.getByLabel("New user's email", { exact: true }).fill(email);
  await page.getByLabel("New user's password", { exact: true }).fill("a contract password 123");
  await page.getByLabel("Role", { exact: true }).selectOption("agent");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("button", { name: `Deactivate: ${email}` })).toBeVisible();
  return email;
}

/** Starts a broadcast of `Order ready` at one a second whose first row fails at once, and opens its page. */
async function startBroadcast(page: Page) {
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  await page.getByLabel("Sends per second", { exact: true }).fill("1");
  const phones = ["+15550000400", ...Array.from({ length: 20 }, uniquePhone)];
  await page
    .getByLabel("Or paste the rows", { exact: true })
    .fill(["phone,name", ...phones.map((phone) => `${phone},Kim`)].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await page.getByLabel("Every recipient opted in to receive this template").check();
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
}

/**
 * A broadcast started here is cancelled once its names are checked: its rows would otherwise go on sending, and
 * their statuses would take the sandbox server's polling from the specs that share it.
 */
async function cancelBroadcastShown(page: Page) {
  const id = /\/broadcasts\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) return;
  await page.evaluate(
    (broadcast) =>
      fetch(`/api/broadcasts/${broadcast}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: "cancel" }),
      }).then((response) => response.status),
    id,
  );
}

async function readRows(page: Page, template: string, rows: string[]) {
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, template);
  await page.getByLabel("Or paste the rows", { exact: true }).fill(rows.join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toBeVisible();
}

const plain =
  (path: string): Setup =>
  async (page) => {
    await page.goto(path);
    return { page };
  };

/** How to bring each documented state about, keyed by `page` and `shown`. A state missing here fails the spec. */
const SETUPS: Record<string, Setup> = {
  "every page|": plain("/compose"),
  "/login|signed out": async (_page, browser) => {
    // The project's own session would be applied to a new context too: ask for none.
    const context = await browser.newContext({
      baseURL: SERVERS.sandbox,
      storageState: { cookies: [], origins: [] },
    });
    const page = await context.newPage();
    await page.goto("/login");
    return { page };
  },
  "/compose|": async (page) => ({ page: (await freshCompose(page)).page }),
  "/compose|Image type": async (page) => {
    const compose = await freshCompose(page);
    await compose.chooseType("Image");
    return { page };
  },
  "/compose|Template type": async (page) => {
    const compose = await freshCompose(page);
    await compose.chooseType("Template");
    return { page };
  },
  "/compose|a template chosen": async (page) => {
    const compose = await freshCompose(page);
    await compose.chooseType("Template");
    await compose.chooseTemplate("Welcome series");
    return { page, n: "1" };
  },
  "/compose|after More options": async (page) => {
    await freshCompose(page);
    await page.getByRole("button", { name: "More options" }).click();
    return { page };
  },
  "/compose|after Request": async (page) => {
    const compose = await freshCompose(page);
    await compose.openRequestPreview();
    return { page };
  },
  "/compose|after Add metadata": async (page) => {
    await freshCompose(page);
    await page.getByRole("button", { name: "More options" }).click();
    await page.getByRole("button", { name: "Add metadata" }).click();
    return { page, n: "1" };
  },
  "/compose|window closed": async (page) => {
    const compose = await freshCompose(page);
    await compose.field("Recipient").fill("+15550000101");
    await expect(page.getByRole("region", { name: "Conversation window" })).toContainText("closed");
    return { page };
  },
  "/compose|channels unreadable": async (_page, browser) => {
    const page = await pageOn(browser, "unreachable");
    await freshCompose(page);
    return { page };
  },
  "/compose|templates unreadable": async (_page, browser) => {
    const page = await pageOn(browser, "unreachable");
    await (await freshCompose(page)).chooseType("Template");
    return { page };
  },
  "/compose|templates unreadable, after Add variable": async (_page, browser) => {
    const page = await pageOn(browser, "unreachable");
    await (await freshCompose(page)).chooseType("Template");
    await page.getByRole("button", { name: "Add variable" }).click();
    return { page, n: "1" };
  },
  "/history|": async (page) => {
    await new ComposePage(page).sendText(uniquePhone(), "For the contract");
    await page.goto("/history");
    return { page, n: "\\d+" };
  },
  "/history|with a filter": plain("/history?status=enqueued"),
  "/history/N|": async (page) => {
    await new ComposePage(page).sendText(uniquePhone(), "For the contract");
    await page.goto("/history");
    await page
      .getByRole("link", { name: /^Details of send \d+$/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/history\/\d+$/);
    return { page };
  },
  "/broadcasts|": plain("/broadcasts"),
  "/broadcasts/new|": plain("/broadcasts/new"),
  "/broadcasts/new|rows read": async (page) => {
    const phones = Array.from({ length: 101 }, uniquePhone);
    await readRows(page, "Order ready", ["phone,name", ...phones.map((p) => `${p},Kim`), "12345,Kim"]);
    return { page, n: "1" };
  },
  "/broadcasts/new|rows read, media-header template": async (page) => {
    await readRows(page, "New product (image)", ["phone,product", `${uniquePhone()},lamp`]);
    return { page };
  },
  "/broadcasts/N|running": async (page) => {
    await startBroadcast(page);
    return { page };
  },
  "/broadcasts/N|a row failed": async (page) => {
    await startBroadcast(page);
    await expect(page.getByRole("progressbar", { name: "Broadcast progress" })).not.toHaveAttribute(
      "aria-valuenow",
      "0",
    );
    return { page };
  },
  "/broadcasts/N|after Cancel broadcast": async (page) => {
    await startBroadcast(page);
    await page.getByRole("button", { name: "Cancel broadcast" }).click();
    return { page };
  },
  "/broadcasts/N|paused": async (page) => {
    await startBroadcast(page);
    await page.getByRole("button", { name: "Pause" }).click();
    return { page };
  },
  "/users|": plain("/users"),
  "/users|another agent": async (page) => ({ page, email: await addAgent(page) }),
  "/users|another admin": async (page) => {
    const email = await addAgent(page);
    await page.getByRole("button", { name: `Make admin: ${email}` }).click();
    return { page, email };
  },
  "/users|a deactivated account": async (page) => {
    const email = await addAgent(page);
    await page.getByRole("button", { name: `Deactivate: ${email}` }).click();
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    return { page, email };
  },
  "/users|after Deactivate": async (page) => {
    const email = await addAgent(page);
    await page.getByRole("button", { name: `Deactivate: ${email}` }).click();
    return { page, email };
  },
  "/audit|": plain("/audit"),
  "/audit|with a filter": plain("/audit?kind=sign-in"),
  "/settings|": plain("/settings"),
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The row's name with its placeholders filled in: exact text, or a pattern when `N` stands for any number. */
function nameFor(row: Row, reached: Reached): string | RegExp {
  let name = row.name.replace("<email>", reached.email ?? "<email>");
  if (!/\bN\b/.test(name)) return name;
  if (reached.n === "\\d+") return new RegExp(`^${escape(name).replace(/\bN\b/, "\\d+")}$`);
  name = name.replace(/\bN\b/, reached.n ?? "N");
  return name;
}

const rows = contractRows();
const groups = new Map<string, Row[]>();
for (const row of rows) {
  const key = `${row.page}|${row.shown}`;
  groups.set(key, [...(groups.get(key) ?? []), row]);
}

test("the contract table is there, and names only states this spec can reach", () => {
  expect(rows.length).toBeGreaterThan(90);
  for (const [key, group] of groups) {
    const spec = /^checked by (e2e\/[\w-]+\.spec\.ts)$/.exec(group[0]!.shown)?.[1];
    if (spec) {
      // Reached in a Bellhop of that spec's own: the spec must at least use each name, with its role.
      const source = readFileSync(spec, "utf8");
      for (const row of group) expect(source, `${row.name} in ${spec}`).toContain(`"${row.name}"`);
    } else {
      expect(Object.keys(SETUPS), `a setup for ${key}`).toContain(key);
    }
  }
});

for (const [key, group] of groups) {
  if (!SETUPS[key]) continue;
  test(`${group[0]!.page}, ${group[0]!.shown || "as loaded"}`, async ({ page, browser }) => {
    const reached = await SETUPS[key]!(page, browser);
    try {
      for (const row of group) {
        const control = reached.page
          .getByRole(row.role, { name: nameFor(row, reached), exact: true })
          .first();
        await expect(
          control,
          `${row.role} "${row.name}" on ${row.page} (${row.shown || "as loaded"})`,
        ).toBeVisible();
      }
    } finally {
      await cancelBroadcastShown(reached.page);
    }
  });
}
