import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { TYPED_CONFIRMATION_ABOVE } from "../lib/broadcasts/limits";

export const STUB_URL = "http://127.0.0.1:4010";
export const STUB_TOKEN = "stub-secret-token-4f9a";

/** The admin every e2e server creates at start (`BELLHOP_ADMIN_EMAIL`/`BELLHOP_ADMIN_PASSWORD`). */
export const ADMIN = { email: "admin@bellhop.test", password: "e2e-admin-password-1" };

/** The Bellhop servers whose tests run signed in; the setup project signs in once on each. */
export const SERVERS = {
  live: "http://127.0.0.1:3100",
  sandbox: "http://127.0.0.1:3101",
  unreachable: "http://127.0.0.1:3102",
  /** No token in the environment and Callbell pointing at the stub: the token is set through /settings. */
  settings: "http://127.0.0.1:3104",
  /** Sandbox mode with a webhook secret: the simulator pushes statuses to Bellhop's own webhook. */
  hooks: "http://127.0.0.1:3105",
} as const;

/** The webhook secret of the live and hooks servers (`CALLBELL_WEBHOOK_SECRET`). */
/** A moment as Bellhop writes it everywhere (lib/format/date.ts): relative within a day, else absolute with its zone. */
export const ONE_MOMENT =
  /^(just now|\d+ (minute|hour)s? ago|in \d+ (minute|hour)s?|\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d [A-Z][\w+:-]*)$/;

/** Where the first-run server (playwright.config.ts) writes its output, for the test of its start-up log line. */
export const FIRST_RUN_LOG = "test-results/first-run-server.log";

export const WEBHOOK_SECRET = "e2e-webhook-secret-7f3c";

/** Where the setup project keeps each server's signed-in session, for the projects that reuse it. */
export const storageStateFor = (project: string) => `e2e/.auth/${project}.json`;

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, credentials: { email: string; password: string } = ADMIN) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(credentials.email);
  await page.getByLabel("Password", { exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  /** When the stub received it (ms since 1970). */
  at: number;
};

/**
 * Every page a signed-in admin can open (login aside): the fixed routes, plus a send's and a broadcast's detail page
 * when the server has one. The suites that check every page (axe, page weight, phone width) share this list.
 */
export async function everySignedInPage(request: APIRequestContext): Promise<string[]> {
  const history = (await (await request.get("/api/history")).json()) as { items: { id: number }[] };
  const broadcasts = await (await request.get("/broadcasts")).text();
  const broadcastId = /href="\/broadcasts\/(\d+)"/.exec(broadcasts)?.[1];
  const routes = ["/compose", "/history", "/broadcasts", "/broadcasts/new", "/settings", "/users", "/audit"];
  if (history.items[0]) routes.push(`/history/${history.items[0].id}`);
  if (broadcastId) routes.push(`/broadcasts/${broadcastId}`);
  return routes;
}

/** A recipient no other test uses, so the stub's records and rules stay per test. */
export function uniquePhone(): string {
  return `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

export const stub = {
  async failSend(
    to: string,
    rule: {
      status: number;
      body?: unknown;
      hangMs?: number;
      times?: number;
      headers?: Record<string, string>;
    },
  ) {
    const response = await fetch(`${STUB_URL}/__control/rules`, {
      method: "POST",
      body: JSON.stringify({ to, ...rule }),
    });
    expect(response.ok).toBe(true);
  },
  /** Adds a template to the account; Bellhop sees it after `Refresh templates` (or when its cache expires). */
  async addTemplate(template: { uuid: string; title: string; text: string; templateType?: string }) {
    const response = await fetch(`${STUB_URL}/__control/templates`, {
      method: "POST",
      body: JSON.stringify({ templateType: "text", category: "UTILITY", status: "approved", ...template }),
    });
    expect(response.ok).toBe(true);
  },
  /** What `GET /messages/status/:uuid` answers from now on. */
  async setStatus(uuid: string, status: string, messageStatusPayload: unknown = {}) {
    const response = await fetch(`${STUB_URL}/__control/status`, {
      method: "POST",
      body: JSON.stringify({ uuid, status, messageStatusPayload }),
    });
    expect(response.ok).toBe(true);
  },
  /** How many times Bellhop asked for this message's status. */
  async pollsOf(uuid: string): Promise<number> {
    return ((await (await fetch(`${STUB_URL}/__control/polls?uuid=${uuid}`)).json()) as { count: number })
      .count;
  },
  /** Every request the stub has received, in order. */
  async requests(): Promise<RecordedRequest[]> {
    return (await fetch(`${STUB_URL}/__control/requests`)).json();
  },
  async sendsTo(to: string): Promise<RecordedRequest[]> {
    const response = await fetch(`${STUB_URL}/__control/requests?to=${encodeURIComponent(to)}`);
    return response.json();
  },
};

/** The compose page, by the names of the automation contract. */
export class ComposePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/compose");
    await this.page.evaluate(() => localStorage.clear());
    await this.page.reload();
    await this.ready();
  }
  /**
   * The form is disabled until it has hydrated and restored the draft; keys pressed before that are lost. (After a
   * reload the browser may put typed text back before then, so a field's value is no sign of readiness.)
   */
  async ready() {
    await expect(this.field("Recipient")).toBeEnabled();
  }
  field(name: string) {
    return this.page.getByLabel(name, { exact: true });
  }
  async chooseType(name: string) {
    const radio = this.page.getByRole("radio", { name, exact: true });
    // Under load a click can land while the form re-renders and be lost; the type is what is asserted, so try again.
    await expect(async () => {
      await radio.click();
      await expect(radio).toBeChecked({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  }
  /** Searches the `Template` combobox and clicks the option; an option's name is its title. */
  async chooseTemplate(title: string) {
    await this.field("Template").fill(title);
    await this.templateOption(title).click();
    await expect(this.field("Template")).toHaveValue(title);
  }
  templateOption(title: string) {
    return this.page.getByRole("option", { name: title, exact: true });
  }
  messagePreview() {
    return this.page.getByRole("region", { name: "Message preview" });
  }
  requestPreview() {
    return this.page.getByRole("region", { name: "Request preview" });
  }
  /** Opens the `Request` disclosure (closed by default, remembered per user) and returns the request preview. */
  async openRequestPreview() {
    const toggle = this.page.getByRole("button", { name: "Request", exact: true });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    return this.requestPreview();
  }
  /** The body the request preview shows, parsed. */
  async previewedBody(): Promise<unknown> {
    const preview = await this.openRequestPreview();
    return JSON.parse(await preview.locator("code").first().innerText());
  }
  async send() {
    await this.page.getByRole("button", { name: "Send message" }).click();
  }
  /** Opens a fresh compose page, sends a text, and waits until Bellhop says it is enqueued. */
  async sendText(to: string, text: string) {
    await this.open();
    await this.field("Recipient").fill(to);
    await this.field("Message").fill(text);
    await this.send();
    await expect(this.status()).toContainText("Message enqueued");
  }
  status() {
    return this.page.getByRole("status");
  }
  alert() {
    return this.page.getByRole("alert").filter({ hasNotText: /^$/ });
  }
}

/** Waits until the stub has seen exactly one send to this recipient and returns it. */
export async function onlySendTo(to: string): Promise<RecordedRequest> {
  await expect.poll(async () => (await stub.sendsTo(to)).length).toBe(1);
  const [request] = await stub.sendsTo(to);
  return request!;
}

/** Chooses a template in the broadcast wizard's `Template` combobox (Compose's searchable picker). */
export async function chooseBroadcastTemplate(page: Page, title: string) {
  const field = page.getByLabel("Template", { exact: true });
  await field.fill(title);
  await page
    .getByRole("option", { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
    .click();
  await expect(field).toHaveValue(title);
}

/** Starts a broadcast of the "Order ready" template (one value: the name) to `phones`, from /broadcasts/new. */
export async function startOrderReadyBroadcast(page: Page, phones: string[], ratePerSecond: number) {
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  await page.getByLabel("Sends per second").fill(String(ratePerSecond));
  await page
    .getByLabel("Or paste the rows")
    .fill(["phone,name", ...phones.map((phone) => `${phone},Kim`)].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText(
    new RegExp(`\\b${phones.length.toLocaleString("en-US")} recipients? ready`),
  );
  await page.getByLabel("Every recipient opted in to receive this template").check();
  // The wizard asks for the count typed again only above a size.
  if (phones.length > TYPED_CONFIRMATION_ABOVE)
    await page.getByLabel("Type the number of recipients").fill(String(phones.length));
  await page.getByRole("button", { name: "Start broadcast" }).click();
  // Creating a large list takes a few seconds on a busy machine.
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/, { timeout: 15_000 });
}
