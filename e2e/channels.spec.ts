import { expect, test } from "@playwright/test";
import { chooseBroadcastTemplate, ComposePage, onlySendTo, stub, uniquePhone } from "./support";

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
  test(`a send on ${platform.label} goes out on a channel of ${platform.label}, its main one by default`, async ({
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

test("off WhatsApp, the history says the platform reports no delivery status instead of a stuck enqueued", async ({
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
  expect(csv).toMatch(
    new RegExp(
      `${bsuid.replace(".", "\\.")},whatsapp,text,.*,bsuid,"Hello, username customer",[^,\\r\\n]*\\r\\n`,
    ),
  );
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
  await expect(compose.field("Recipient")).toHaveAccessibleDescription(
    /a country code, a dot, then letters and digits/,
  );
});

test("Send again goes out on the earlier send's platform and channel", async ({ page }) => {
  const compose = new ComposePage(page);
  const to = `ig-user-${Date.now()}`;
  await compose.open();
  await compose.field("Platform").selectOption({ label: "Instagram" });
  await compose.field("Channel").selectOption({ label: "Instagram outlet" });
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill("Once more");
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");

  await page.goto(`/history?q=${to}`);
  await page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: "Send again" }).click();
  await expect(compose.field("Platform")).toHaveValue("instagram");
  await expect(compose.field("Channel")).toHaveValue("chan-ig-outlet");
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  await expect.poll(async () => (await stub.sendsTo(to)).length).toBe(2);
  for (const request of await stub.sendsTo(to)) {
    expect(request.body).toEqual({
      to,
      from: "instagram",
      type: "text",
      content: { text: "Once more" },
      channel_uuid: "chan-ig-outlet",
    });
  }
});

test("a broadcast and its test send go out on the WhatsApp channel chosen, to phone numbers and BSUIDs", async ({
  page,
}) => {
  const [phone, testPhone] = [uniquePhone(), uniquePhone()];
  const bsuid = `US.${Date.now()}`;
  await page.goto("/broadcasts/new");
  await chooseBroadcastTemplate(page, "Order ready");
  const channel = page.getByLabel("Channel", { exact: true });
  await expect(channel.locator("option")).toHaveText(["Support line (main)", "Sales line"]);
  await expect(channel).toHaveValue("chan-main");
  await channel.selectOption({ label: "Sales line" });
  await page
    .getByLabel("Or paste the rows")
    .fill(["recipient,name", `${phone},Kim`, `${bsuid},Lee`].join("\n"));
  await page.getByRole("button", { name: "Read pasted rows" }).click();
  await expect(page.getByRole("list", { name: "Report summary" })).toContainText("2 recipients ready");

  await page.getByLabel("Test phone number").fill(testPhone);
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test sent" })).toContainText("Message enqueued");
  expect((await onlySendTo(testPhone)).body).toMatchObject({
    to: testPhone,
    from: "whatsapp",
    template_uuid: "tpl-one-var",
    channel_uuid: "chan-sales",
  });

  await page.getByLabel("Every recipient opted in to receive this template").check();
  await page.getByRole("button", { name: "Start broadcast" }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  const common = { from: "whatsapp", type: "text", template_uuid: "tpl-one-var", optin_contact: true };
  expect((await onlySendTo(phone)).body).toMatchObject({
    to: phone,
    ...common,
    content: { text: "Kim" },
    channel_uuid: "chan-sales",
  });
  const toBsuid = (await onlySendTo(bsuid)).body;
  expect(toBsuid).toMatchObject({ bsuid, ...common, content: { text: "Lee" }, channel_uuid: "chan-sales" });
  expect(toBsuid).not.toHaveProperty("to");
});
