import { expect, test } from "@playwright/test";
import { ComposePage } from "./support";

test("with a webhook secret, the sandbox pushes each status to Bellhop's webhook and the open history follows", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.sendText("+31 6 5555 0101", "Pushed statuses");
  const uuid = await page.getByTestId("sent-uuid").innerText();
  await page.goto(`/history?q=${uuid}`);
  const row = page.getByRole("row").filter({ hasText: uuid });
  await expect(row).toContainText("read", { timeout: 15_000 });
  await row.getByRole("link", { name: /Details/ }).click();
  const timeline = page.getByRole("list", { name: "Status timeline" });
  await expect(timeline.locator("li[data-status]")).toHaveCount(3);
  // The first poll waits two minutes when a webhook is set: every event here came by webhook.
  await expect(timeline).not.toContainText("by poll");
  await expect(timeline.getByText("by webhook")).toHaveCount(3);
});
