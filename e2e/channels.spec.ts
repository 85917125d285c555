import { expect, test } from "@playwright/test";
import { ComposePage, onlySendTo, uniquePhone } from "./support";

// The stub is a multi-platform account: two active WhatsApp numbers (and a discarded one), two Instagram channels
// whose main is listed second, one Messenger page and one Telegram bot.
const PLATFORMS = [
  { label: "WhatsApp", from: "whatsapp", channels: ["Support line (main)", "Sales line"], main: "chan-main" },
  {
    label: "Instagram",
    from: "instagram",
    channels: ["Instagram outlet", "Instagram shop (main)"],
    main: "chan-ig",
  },
  { label: "Messenger", from: "facebook", channels: ["Facebook page (main)"], main: "chan-fb" },
  { label: "Telegram", from: "telegram", channels: ["Telegram bot (main)"], main: "chan-tg" },
] as const;

for (const platform of PLATFORMS) {
  test(`a ${platform.label} send goes out on a ${platform.label} channel, its main one unless chosen`, async ({
    page,
  }) => {
    const compose = new ComposePage(page);
    await compose.open();
    await compose.field("Platform").selectOption({ label: platform.label });
    await expect(compose.field("Channel").locator("option")).toHaveText([...platform.channels]);
    await expect(compose.field("Channel")).toHaveValue(platform.main);
    const to = platform.from === "whatsapp" ? uniquePhone() : `${platform.from}-user-${Date.now()}`;
    await compose.field("Recipient").fill(to);
    await compose.field("Message").fill(`Hello on ${platform.label}`);
    await compose.send();
    await expect(compose.status()).toContainText("Message enqueued");
    expect((await onlySendTo(to)).body).toEqual({
      to,
      from: platform.from,
      type: "text",
      content: { text: `Hello on ${platform.label}` },
      channel_uuid: platform.main,
    });
  });
}

test("switching platform and back keeps each platform's channels apart", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Channel").selectOption({ label: "Sales line" });
  await compose.field("Platform").selectOption({ label: "Instagram" });
  await expect(compose.field("Channel")).toHaveValue("chan-ig");
  await compose.field("Channel").selectOption({ label: "Instagram outlet" });
  await compose.field("Platform").selectOption({ label: "WhatsApp" });
  await expect(compose.field("Channel")).toHaveValue("chan-main");
  expect(await compose.previewedBody()).toMatchObject({ from: "whatsapp", channel_uuid: "chan-main" });
});

test("on Instagram and Telegram nothing is polled: the history says the platform reports no status", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  const to = `tg-user-${Date.now()}`;
  await compose.open();
  await compose.field("Platform").selectOption({ label: "Telegram" });
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill("No ticks here");
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  await page.goto(`/history?q=${to}`);
  const row = page.getByRole("row").filter({ hasText: to });
  await expect(row).toContainText("enqueued");
  await expect(row).toContainText("Telegram reports no delivery status");
});

test("a BSUID recipient is looked up by its BSUID and sent as bsuid, without to", async ({ page }) => {
  const compose = new ComposePage(page);
  const bsuid = "US.13491208655302741918";
  await compose.open();
  await compose.field("Recipient").fill(bsuid);
  await expect(compose.field("Recipient")).toHaveAccessibleDescription(/Read as a BSUID/);
  const window = page.getByRole("region", { name: "Conversation window" });
  await expect(window).toContainText("Open");
  await expect(window).toContainText("Username Customer");
  await compose.field("Message").fill("Hello, username customer");
  expect(await compose.previewedBody()).toEqual({
    bsuid,
    from: "whatsapp",
    type: "text",
    content: { text: "Hello, username customer" },
    channel_uuid: "chan-main",
  });
  await expect(compose.requestPreview()).toContainText(`"bsuid": "${bsuid}"`);
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  const sends = (await onlySendTo(bsuid)).body;
  expect(sends).toEqual({
    bsuid,
    from: "whatsapp",
    type: "text",
    content: { text: "Hello, username customer" },
    channel_uuid: "chan-main",
  });

  // The history finds it by its BSUID and says what it is; the CSV export names the recipient's kind.
  await page.goto(`/history?q=${bsuid}`);
  await expect(page.getByRole("row").filter({ hasText: bsuid }).first()).toContainText("BSUID");
  const csv = await (await page.request.get(`/api/history/export?q=${bsuid}`)).text();
  expect(csv).toMatch(new RegExp(`${bsuid.replace(".", "\\.")},whatsapp,text,.*,bsuid\\r\\n`));
});

test("a busy customer's last message on page 2 keeps the window open", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+31 6 0000 0103");
  const window = page.getByRole("region", { name: "Conversation window" });
  await expect(window).toContainText("Busy Customer");
  await expect(window).toContainText("Open: the 24-hour window is open");
});

test("a typo in a BSUID is caught next to the field", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("US 1349 1208");
  await compose.field("Message").fill("Hi");
  await compose.send();
  await expect(compose.field("Recipient")).toHaveAttribute("aria-invalid", "true");
  await expect(compose.field("Recipient")).toHaveAccessibleDescription(/letters, digits, dots/);
});
