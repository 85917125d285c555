import { expect, test, type APIRequest, type APIRequestContext, type Page } from "@playwright/test";
import { ComposePage, WEBHOOK_SECRET, uniquePhone } from "./support";

const HOOK = `/api/webhooks/callbell/${WEBHOOK_SECRET}`;

function statusEvent(uuid: string, status: string, extra: Record<string, unknown> = {}) {
  return { event: "message_status_updated", payload: { uuid, status, metadata: {}, ...extra } };
}

async function postEvent(request: APIRequestContext, body: unknown) {
  // Callbell has no session and no Origin: the secret in the address is its only credential.
  const response = await request.post(HOOK, { data: body, headers: { cookie: "" } });
  return { status: response.status(), body: await response.json() };
}

/** A client with no session, as Callbell is. */
function asCallbell(playwright: { request: APIRequest }, baseURL: string | undefined) {
  return playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

/** Sends a text through the form and returns the uuid Callbell (the stub) gave it. */
async function sendText(page: Page, to: string, text = "Tracking test"): Promise<string> {
  const compose = new ComposePage(page);
  await compose.sendText(to, text);
  return page.getByTestId("sent-uuid").innerText();
}

test("the webhook: off for a wrong secret, the health check (whatever its body), events it does not use", async ({
  playwright,
  baseURL,
}) => {
  const request = await asCallbell(playwright, baseURL);
  expect((await request.post("/api/webhooks/callbell/not-the-secret-at-all", { data: {} })).status()).toBe(
    404,
  );
  const health = await request.get(HOOK);
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const malformed = await request.post(HOOK, {
    data: "{not json",
    headers: { "content-type": "application/json" },
  });
  // Callbell's health check is undocumented: a call that carries no event is one, and must get 200.
  expect(malformed.status()).toBe(200);
  expect(await malformed.json()).toEqual({ status: "ok" });
  expect(await postEvent(request, { event: "contact_created", payload: { uuid: "c1" } })).toEqual({
    status: 200,
    body: { status: "ok" },
  });
  await request.dispose();
});

test("statuses arrive by webhook, in any order and repeated, and the open history follows without a reload", async ({
  page,
  playwright,
  baseURL,
}) => {
  const to = uniquePhone();
  const uuid = await sendText(page, to);
  await page.goto(`/history?q=${encodeURIComponent(to)}`);
  const row = page.getByRole("row").filter({ hasText: uuid });
  await expect(row).toContainText("enqueued");

  const request = await asCallbell(playwright, baseURL);
  expect(await postEvent(request, statusEvent(uuid, "delivered"))).toEqual({
    status: 200,
    body: { status: "ok", result: "recorded" },
  });
  await expect(row).toContainText("delivered");
  expect((await postEvent(request, statusEvent(uuid, "delivered"))).body.result).toBe("duplicate");
  // A late "sent" after "delivered" changes nothing.
  expect((await postEvent(request, statusEvent(uuid, "sent"))).body.result).toBe("recorded");
  await postEvent(request, statusEvent(uuid, "read"));
  await expect(row).toContainText("read");
  await page.waitForTimeout(3_500);
  await expect(row).toContainText("read");

  // The detail page: the request as sent, Callbell's answer, every event with its source.
  await row.getByRole("link", { name: /Details/ }).click();
  await expect(page).toHaveURL(/\/history\/\d+$/);
  const timeline = page.getByRole("list", { name: "Status timeline" });
  await expect(timeline.locator("li[data-status]")).toHaveCount(3);
  await expect(timeline).toContainText("delivered");
  await expect(timeline).toContainText("by webhook");
  await expect(timeline).toContainText("late or repeated: no change");
  await expect(page.getByRole("region", { name: "Request sent to Callbell" })).toContainText(
    '"text": "Tracking test"',
  );
  await expect(page.getByRole("region", { name: "Callbell's answer" })).toContainText(uuid);
  await page.getByRole("link", { name: "Send again" }).click();
  await expect(page).toHaveURL(/\/compose/);
  await expect(page.getByLabel("Recipient", { exact: true })).toHaveValue(to);
  await request.dispose();
});

test("a failure by webhook shows its reason in words, and stays final", async ({
  page,
  playwright,
  baseURL,
}) => {
  const to = uniquePhone();
  const uuid = await sendText(page, to);
  const request = await asCallbell(playwright, baseURL);
  await postEvent(
    request,
    statusEvent(uuid, "failed", {
      messageStatusPayload: {
        payload: { type: "failed", code: 131050, reason: "The customer opted out of marketing" },
      },
    }),
  );
  await postEvent(request, statusEvent(uuid, "read"));
  await page.goto(`/history?q=${encodeURIComponent(uuid)}`);
  const row = page.getByRole("row").filter({ hasText: uuid });
  await expect(row).toContainText("failed");
  await expect(row).toContainText("The customer opted out of marketing (code 131050)");
  await request.dispose();
});
