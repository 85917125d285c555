import { expect, test } from "@playwright/test";
import { ADMIN, ComposePage, STUB_TOKEN, onlySendTo, stub, uniquePhone } from "./support";

test.describe("each message type reaches Callbell as the official examples spell it", () => {
  test("text", async ({ page }) => {
    const compose = new ComposePage(page);
    const to = uniquePhone();
    await compose.sendText(to, "Hello!");

    const request = await onlySendTo(to);
    expect(request.path).toBe("/v1/messages/send");
    expect(request.headers.authorization).toBe(`Bearer ${STUB_TOKEN}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.accept).toBe("application/json");
    expect(request.body).toEqual({
      to,
      from: "whatsapp",
      type: "text",
      content: { text: "Hello!" },
      channel_uuid: "chan-main",
    });
    const uuid = await page.getByTestId("sent-uuid").innerText();
    await expect(compose.status()).toContainText(uuid);
  });

  test("image with caption", async ({ page }) => {
    const compose = new ComposePage(page);
    const to = uniquePhone();
    await compose.open();
    await compose.field("Recipient").fill(to);
    await compose.chooseType("Image");
    await compose.field("Media URL").fill("https://example.com/my_image.jpeg");
    await compose.field("Caption").fill("This is my caption");
    await compose.send();
    await expect(compose.status()).toContainText("Message enqueued");
    expect((await onlySendTo(to)).body).toEqual({
      to,
      from: "whatsapp",
      type: "image",
      content: { url: "https://example.com/my_image.jpeg", text: "This is my caption" },
      channel_uuid: "chan-main",
    });
  });

  for (const [type, url] of [
    ["Document", "https://example.com/my_image.pdf"],
    ["Audio", "https://example.com/my_audio.mp3"],
    ["Video", "https://example.com/my_video.mp4"],
  ] as const) {
    test(`${type.toLowerCase()} goes as a document`, async ({ page }) => {
      const compose = new ComposePage(page);
      const to = uniquePhone();
      await compose.open();
      await compose.field("Recipient").fill(to);
      await compose.chooseType(type);
      await compose.field("Media URL").fill(url);
      await compose.send();
      await expect(compose.status()).toContainText("Message enqueued");
      expect((await onlySendTo(to)).body).toEqual({
        to,
        from: "whatsapp",
        type: "document",
        content: { url },
        channel_uuid: "chan-main",
      });
    });
  }

  test("template with one variable", async ({ page }) => {
    const compose = new ComposePage(page);
    const to = uniquePhone();
    await compose.open();
    await compose.field("Recipient").fill(to);
    await compose.chooseType("Template");
    await compose.chooseTemplate("Order ready");
    await expect(page.getByLabel(/^Variable \d+$/)).toHaveCount(1);
    await compose.field("Variable 1").fill("John Doe");
    await compose.field("Customer opted in").check();
    await compose.send();
    await expect(compose.status()).toContainText("Message enqueued");
    expect((await onlySendTo(to)).body).toEqual({
      to,
      from: "whatsapp",
      type: "text",
      content: { text: "John Doe" },
      template_uuid: "tpl-one-var",
      optin_contact: true,
      channel_uuid: "chan-main",
    });
  });

  test("template with several variables, a media header and every option", async ({ page }) => {
    const compose = new ComposePage(page);
    const to = uniquePhone();
    await compose.open();
    await compose.field("Recipient").fill(to);
    await compose.field("Channel").selectOption({ label: "Sales line" });
    await compose.chooseType("Template");
    await compose.chooseTemplate("Welcome series");
    await expect(page.getByLabel(/^Variable \d+$/)).toHaveCount(3);
    await compose.chooseTemplate("New product (image)");
    await expect(page.getByLabel(/^Variable \d+$/)).toHaveCount(1);
    await compose.field("Media URL").fill("https://example.com/valid_image.jpeg");
    await compose.field("Variable 1").fill("Jack");
    await compose.field("Customer opted in").check();
    await page.getByRole("button", { name: "More options" }).click();
    await compose.field("Assign to user").fill("john.doe@email.com");
    await compose.field("Assign to team").selectOption({ label: "Support" });
    await compose.field("Bot status").selectOption({ label: "Stop bot" });
    await compose.field("Return contact details").check();
    await page.getByRole("button", { name: "Add metadata" }).click();
    await compose.field("Metadata key 1").fill("customer_id");
    await compose.field("Metadata value 1").fill("123456");
    await compose.send();
    await expect(compose.status()).toContainText("Message enqueued");
    await expect(compose.status()).toContainText("Jane Customer");
    expect((await onlySendTo(to)).body).toEqual({
      to,
      from: "whatsapp",
      type: "image",
      content: { text: "Jack", url: "https://example.com/valid_image.jpeg" },
      template_uuid: "tpl-image",
      optin_contact: true,
      channel_uuid: "chan-sales",
      assigned_user: "john.doe@email.com",
      team_uuid: "team-support",
      fields: "contact",
      bot_status: "bot_end",
      metadata: { customer_id: "123456" },
    });
  });
});

test.describe("failures keep the form", () => {
  const cases = [
    {
      status: 400,
      body: { error: { to: ["is not a valid WhatsApp number"] } },
      expected: "is not a valid WhatsApp number",
    },
    { status: 401, body: { error: "Invalid API token" }, expected: "Invalid API token" },
    { status: 402, body: { code: "whatsapp_wallet_depleted_credit" }, expected: "no credit" },
    { status: 500, body: { error: "Internal server error" }, expected: "Internal server error" },
  ];
  for (const failure of cases) {
    test(`Callbell answers ${failure.status}`, async ({ page }) => {
      const compose = new ComposePage(page);
      const to = uniquePhone();
      await stub.failSend(to, { status: failure.status, body: failure.body });
      await compose.open();
      await compose.field("Recipient").fill(to);
      await compose.field("Message").fill("Kept after a failure");
      await compose.send();
      await expect(compose.alert()).toContainText(failure.expected);
      await expect(compose.field("Message")).toHaveValue("Kept after a failure");
      if (failure.status === 400) {
        await expect(compose.field("Recipient")).toHaveAttribute("aria-invalid", "true");
        await expect(page.locator("#compose-to-error")).toContainText("is not a valid WhatsApp number");
      }
      expect(await stub.sendsTo(to)).toHaveLength(1);
    });
  }

  test("a 429 is retried and then accepted", async ({ page }) => {
    const compose = new ComposePage(page);
    const to = uniquePhone();
    await stub.failSend(to, {
      status: 429,
      body: { error: "Too many requests" },
      times: 1,
      headers: { "Retry-After": "1" },
    });
    await compose.sendText(to, "Retried");
    expect(await stub.sendsTo(to)).toHaveLength(2);
  });

  test("a timeout is unknown, and pressing Send again does not send twice", async ({ page }) => {
    const compose = new ComposePage(page);
    const to = uniquePhone();
    await stub.failSend(to, { status: 200, hangMs: 8000, times: 1 });
    await compose.open();
    await compose.field("Recipient").fill(to);
    await compose.field("Message").fill("Maybe sent");
    await compose.send();
    await expect(compose.alert()).toContainText("may or may not have gone out");
    await expect(compose.field("Message")).toHaveValue("Maybe sent");
    await compose.send();
    await expect(compose.alert()).toContainText("may or may not have gone out");
    expect(await stub.sendsTo(to)).toHaveLength(1);

    // Another message is a new send, after a reload too: the same key protects the same message only.
    await page.reload();
    const other = uniquePhone();
    await compose.field("Recipient").fill(other);
    await compose.field("Message").fill("A different message");
    await compose.send();
    await expect(compose.status()).toContainText("Message enqueued");
    expect(await stub.sendsTo(other)).toHaveLength(1);
    expect(await stub.sendsTo(to)).toHaveLength(1);
  });
});

test("invalid input never reaches Callbell and is marked on its field", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("12345");
  await compose.chooseType("Image");
  await compose.field("Media URL").fill("http://example.com/a.jpg");
  await compose.send();
  await expect(compose.field("Recipient")).toHaveAttribute("aria-invalid", "true");
  const describedBy = await compose.field("Media URL").getAttribute("aria-describedby");
  await expect(page.locator(`#${describedBy?.split(" ")[0]}`)).toContainText("https");
  expect(await stub.sendsTo("12345")).toHaveLength(0);
});

test("a double click sends once", async ({ page }) => {
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill("Only once");
  await page.getByRole("button", { name: "Send message" }).dblclick();
  await expect(compose.status()).toContainText("Message enqueued");
  await page.waitForTimeout(500);
  expect(await stub.sendsTo(to)).toHaveLength(1);
});

test("a draft survives a reload, Ctrl+Enter sends, and a send clears the draft", async ({ page }) => {
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill("Typed before a reload");
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("bellhop:compose-draft")))
    .toContain("Typed before a reload");
  await page.reload();
  await compose.ready();
  await expect(compose.field("Message")).toHaveValue("Typed before a reload");
  await compose.field("Message").press("Control+Enter");
  await expect(compose.status()).toContainText("Message enqueued");
  await page.reload();
  await expect(compose.field("Message")).toHaveValue("");
});

test("the history shows the send with its uuid and its sender, newest first", async ({ page }) => {
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.chooseType("Audio");
  await compose.field("Media URL").fill("https://example.com/a.mp3");
  await compose.send();
  const uuid = await page.getByTestId("sent-uuid").innerText();
  await compose.status().getByRole("link", { name: "View in history" }).click();
  const row = page.getByRole("table").getByRole("row").filter({ hasText: uuid });
  await expect(row).toContainText(to);
  await expect(row).toContainText("Audio");
  await expect(row).toContainText("enqueued");
  await expect(row).toContainText(ADMIN.email);
});

test("the token never reaches the browser", async ({ page }) => {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => bodies.push(response.text().catch(() => "")));
  const compose = new ComposePage(page);
  await compose.sendText(uniquePhone(), "Token check");
  await page.goto("/history");
  await expect(page.getByRole("table")).toBeVisible();
  const texts = await Promise.all(bodies);
  expect(texts.length).toBeGreaterThan(5);
  for (const text of texts) expect(text).not.toContain(STUB_TOKEN);
});
