import { expect, test } from "@playwright/test";
import { ComposePage, ONE_MOMENT, WEBHOOK_SECRET, uniquePhone } from "./support";

// The hooks server: sandbox mode with CALLBELL_WEBHOOK_SECRET, so the simulator delivers to Bellhop's own webhook.
const webhook = `/api/webhooks/callbell/${WEBHOOK_SECRET}`;

test("Callbell's health check gets 200 {status: ok} whether it comes as a GET or an empty POST", async ({
  request,
}) => {
  const answers = [
    await request.get(webhook),
    await request.post(webhook),
    await request.post(webhook, { data: {} }),
    await request.post(webhook, { data: "ping", headers: { "Content-Type": "text/plain" } }),
  ];
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ status: "ok" });
  }
  expect((await request.get("/api/webhooks/callbell/not-the-secret-0000")).status()).toBe(404);
});

test("after a send, Settings shows the last event Bellhop received and Callbell's deliveries, never the secret", async ({
  page,
  request,
}) => {
  expect((await request.get(webhook)).status()).toBe(200);
  await new ComposePage(page).sendText(uniquePhone(), "Webhook health");

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Webhook", exact: true });
  await expect(section.getByRole("heading", { name: "Webhook", exact: true })).toBeVisible();
  await expect(section).toContainText("CALLBELL_WEBHOOK_SECRET is set");
  await expect(section).toContainText("/api/webhooks/callbell/••••••••");
  // One way to write a moment (lib/format/date.ts): the check came within the day, so it reads "… ago".
  await expect(section.getByTestId("webhook-last-check").locator("time")).toHaveText(ONE_MOMENT);

  // The simulator delivers on its own timers and the page is rendered on the server: read it again until it shows.
  const deliveries = section.getByRole("table", { name: "Callbell's recent webhook deliveries" });
  await expect(async () => {
    await page.reload();
    await expect(section.getByTestId("webhook-last-event")).toContainText(
      /message_(created|status_updated), received (just now|\d+ minutes? ago)/,
      { timeout: 1_000 },
    );
    await expect(deliveries.getByRole("row").filter({ hasText: "message_created" }).first()).toContainText(
      /Delivered.*HTTP 200/,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 15_000 });
  expect(await page.content()).not.toContain(WEBHOOK_SECRET);
});
