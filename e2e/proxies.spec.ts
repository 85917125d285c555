import { connect } from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startBellhop, stopBellhop, waitUntilUp } from "./bellhop-process";
import { freshDatabase } from "./databases.mjs";
import { ADMIN } from "./support";

// Each test starts a Bellhop of its own: the forwarded headers it believes are fixed when it starts
// (BELLHOP_TRUSTED_PROXIES), and its sign-in limits must not slow the other projects' sign-ins down.
test.describe.configure({ timeout: 90_000 });

async function attempt(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** One HTTP/1.1 request written by hand (a Host and a request line no browser would send); resolves with the head. */
function raw(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("end", () => resolve(answer.split("\r\n\r\n")[0]!));
    socket.on("error", reject);
  });
}

async function contextFrom(browser: Browser, base: string, address: string) {
  return browser.newContext({ baseURL: base, extraHTTPHeaders: { "X-Forwarded-For": address } });
}

test("with no proxy trusted, a client cannot choose its address: a new X-Forwarded-For per try does not reset the limit, and X-Forwarded-Host does not pass the Origin check", async ({
  browser,
}) => {
  const base = "http://127.0.0.1:3109";
  await freshDatabase("proxies-direct");
  // Its public address is set, as it should be in production.
  const server = startBellhop(3109, "proxies-direct", { BELLHOP_URL: base });
  try {
    await waitUntilUp(base);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    // 31 failures on 31 accounts, each claiming another address: one address (30 free) all the same.
    const networkWait = /Too many failed sign-ins from your network\. Try again in \d+ seconds\./;
    for (let index = 0; index < 31; index += 1) {
      await context.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${index + 1}` });
      await attempt(page, `nobody-${index}@bellhop.test`, "wrong-password-123");
      await expect(
        page.getByText(index < 30 ? "Wrong email or password, or the account is disabled." : networkWait),
      ).toBeVisible();
    }
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.200" });
    await attempt(page, ADMIN.email, ADMIN.password);
    await expect(page.getByText(networkWait)).toBeVisible();
    await context.close();

    const forged = await fetch(`${base}/api/broadcasts`, {
      method: "POST",
      headers: {
        Origin: "http://evil.example",
        "X-Forwarded-Host": "evil.example",
        "Content-Type": "application/json",
      },
      body: "{}",
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: "Cross-origin request refused", code: "forbidden" });

    // DNS rebinding: a page at a name that resolves to Bellhop posts to its own origin, as far as the browser knows.
    const rebound = await raw(
      3109,
      "POST /login HTTP/1.1\r\nHost: rebind.evil.test:3109\r\nOrigin: http://rebind.evil.test:3109\r\nContent-Length: 0",
    );
    expect(rebound).toMatch(/^HTTP\/1\.1 403 /);
    // A request line naming another host (as sent to a forward proxy) is answered for Bellhop's own.
    const absolute = await raw(3109, "GET http://evil.test/compose HTTP/1.1\r\nHost: 127.0.0.1:3109");
    expect(absolute).not.toMatch(/\r\nlocation: https?:\/\/evil\.test/i);
    // An escape that does not decode is a bad request, not a server error.
    for (const path of ["/api/broadcasts/%E0", "/history/%E0", "/api/sandbox/v1/templates/%E0%A4%A"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(400);
    }
  } finally {
    await stopBellhop(server);
  }
});

test("behind one trusted proxy, failed passwords from a stranger slow new addresses down but never lock the owner out of an address they signed in from", async ({
  browser,
}) => {
  const base = "http://127.0.0.1:3110";
  await freshDatabase("proxies-behind");
  const server = startBellhop(3110, "proxies-behind", { BELLHOP_TRUSTED_PROXIES: "1" });
  try {
    await waitUntilUp(base);
    // The owner signs in from the office, then leaves.
    const office = await contextFrom(browser, base, "192.0.2.10");
    const owner = await office.newPage();
    await attempt(owner, ADMIN.email, ADMIN.password);
    await expect(owner).toHaveURL(/\/compose$/);
    await office.clearCookies();

    // A stranger elsewhere guesses the owner's password six times: the account now makes new addresses wait.
    const elsewhere = await contextFrom(browser, base, "203.0.113.66");
    const stranger = await elsewhere.newPage();
    for (let index = 0; index < 6; index += 1) {
      await attempt(stranger, ADMIN.email, `guess-number-${index}`);
      await expect(
        stranger.getByText(/Wrong email or password|Too many failed sign-ins for this account/),
      ).toBeVisible();
    }
    await attempt(stranger, ADMIN.email, ADMIN.password);
    await expect(
      stranger.getByText(/Too many failed sign-ins for this account\. Try again in \d+ seconds\./),
    ).toBeVisible();
    await expect(stranger).toHaveURL(/\/login/);

    // The owner, from the address they signed in from before, is not held up.
    await attempt(owner, ADMIN.email, ADMIN.password);
    await expect(owner).toHaveURL(/\/compose$/);

    // The proxy says which host the browser asked for: an Origin naming it passes the check.
    const proxied = await fetch(`${base}/api/broadcasts`, {
      method: "POST",
      headers: {
        Origin: "https://bellhop.example",
        "X-Forwarded-Host": "bellhop.example",
        "X-Forwarded-Proto": "https",
      },
      body: "{}",
    });
    expect(proxied.status).not.toBe(403);
    // And which scheme it used: https turns on HSTS.
    const overHttps = await fetch(`${base}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toContain("max-age=");
    await office.close();
    await elsewhere.close();
  } finally {
    await stopBellhop(server);
  }
});
