import { expect, test } from "@playwright/test";
import { ComposePage, STUB_TOKEN, onlySendTo, uniquePhone } from "./support";

test.describe("the message preview shows what the customer will see", () => {
  test("WhatsApp formatting, rendered as elements and never as HTML", async ({ page }) => {
    const compose = new ComposePage(page);
    await compose.open();
    await compose.field("Message").fill("*Hello* _there_ ~old~ ```a*b*c``` 2*3*4 <b>raw</b> *open");
    const preview = compose.messagePreview();
    await expect(preview.locator("strong")).toHaveText("Hello");
    await expect(preview.locator("em")).toHaveText("there");
    await expect(preview.locator("s")).toHaveText("old");
    await expect(preview.locator("code")).toHaveText("a*b*c");
    await expect(preview.locator("b")).toHaveCount(0);
    await expect(preview.getByTestId("preview-text")).toHaveText(
      "Hello there old a*b*c 2*3*4 <b>raw</b> *open",
    );
  });

  test("a template with each value in place and the unfilled ones marked", async ({ page }) => {
    const compose = new ComposePage(page);
    await compose.open();
    await compose.chooseType("Template");
    await compose.chooseTemplate("Welcome series");
    const preview = compose.messagePreview();
    await expect(preview.locator("mark")).toHaveText(["{{1}}", "{{2}}", "{{3}}"]);
    await compose.field("Variable 1").fill("*Jack*");
    await compose.field("Variable 3").fill("Cheers");
    await expect(preview.locator("mark")).toHaveText(["{{2}}"]);
    await expect(preview.locator("strong")).toHaveText("Jack");
    await compose.field("Variable 2").fill("template");
    await expect(preview.locator("mark")).toHaveCount(0);
    await expect(preview.getByTestId("preview-text")).toHaveText(
      "Hello Jack, this is a template template example. Cheers!",
    );
  });

  test("an image header shows the image, a file shows its name and type", async ({ page }) => {
    // The browser has no internet here: serve the image it asks for.
    await page.route("https://cdn.example.com/**", (route) =>
      route.fulfill({
        contentType: "image/png",
        body: Buffer.from(
          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
          "base64",
        ),
      }),
    );
    const compose = new ComposePage(page);
    await compose.open();
    await compose.chooseType("Template");
    await compose.chooseTemplate("New product (image)");
    await compose.field("Media URL").fill("https://cdn.example.com/shoe.png");
    const image = compose.messagePreview().getByRole("img");
    await expect(image).toHaveAttribute("src", "https://cdn.example.com/shoe.png");
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

    await compose.chooseType("Document");
    await compose.field("Media URL").fill("https://example.com/files/Invoice%20May.pdf");
    await expect(compose.messagePreview().getByTestId("preview-file")).toContainText("Invoice May.pdf");
    await expect(compose.messagePreview().getByTestId("preview-file")).toContainText("PDF document");

    await compose.chooseType("Image");
    await compose.field("Media URL").fill("https://unreachable.example.com/missing.png");
    await compose.field("Caption").fill("_caption_");
    await expect(compose.messagePreview()).toContainText("could not be loaded");
    await expect(compose.messagePreview().locator("em")).toHaveText("caption");
  });
});

/** `last` is the last value typed: the preview shows it once it has caught up with the form. */
type Case = { name: string; last: string; fill: (compose: ComposePage) => Promise<void> };

const CASES: Case[] = [
  {
    name: "text",
    last: "with a second line",
    fill: (c) => c.field("Message").fill('It\'s *bold* and "quoted"\nwith a second line'),
  },
  {
    name: "image with caption",
    last: "This is my caption",
    fill: async (c) => {
      await c.chooseType("Image");
      await c.field("Media URL").fill("https://example.com/my_image.jpeg");
      await c.field("Caption").fill("This is my caption");
    },
  },
  ...(["Document", "Audio", "Video"] as const).map((type) => ({
    name: type.toLowerCase(),
    last: `file-for-${type.toLowerCase()}`,
    fill: async (c: ComposePage) => {
      await c.chooseType(type);
      await c.field("Media URL").fill(`https://example.com/file-for-${type.toLowerCase()}`);
    },
  })),
  {
    name: "template with one variable",
    last: "John Doe",
    fill: async (c) => {
      await c.chooseType("Template");
      await c.chooseTemplate("Order ready");
      await c.field("Variable 1").fill("John Doe");
      await c.field("Customer opted in").check();
    },
  },
  {
    name: "template with several variables and every option",
    last: "123456",
    fill: async (c) => {
      await c.chooseType("Template");
      await c.chooseTemplate("Welcome series");
      for (const [index, value] of ["Jack", "template", "Cheers"].entries()) {
        await c.field(`Variable ${index + 1}`).fill(value);
      }
      await c.field("Customer opted in").check();
      await c.page.getByRole("button", { name: "More options" }).click();
      await c.field("Assign to user").fill("ana@example.com");
      await c.field("Assign to team").selectOption({ label: "Support" });
      await c.field("Bot status").selectOption({ label: "Stop bot" });
      await c.field("Return contact details").check();
      await c.page.getByRole("button", { name: "Add metadata" }).click();
      await c.field("Metadata key 1").fill("customer_id");
      await c.field("Metadata value 1").fill("123456");
    },
  },
  {
    name: "template with an image header",
    last: "shoe",
    fill: async (c) => {
      await c.chooseType("Template");
      await c.chooseTemplate("New product (image)");
      await c.field("Media URL").fill("https://example.com/valid_image.jpeg");
      await c.field("Variable 1").fill("shoe");
      await c.field("Customer opted in").check();
    },
  },
];

test.describe("the request preview is exactly what Callbell receives", () => {
  for (const { name, last, fill } of CASES) {
    test(name, async ({ page }) => {
      const compose = new ComposePage(page);
      const to = uniquePhone();
      await compose.open();
      await compose.field("Recipient").fill(to);
      await fill(compose);
      await expect(await compose.openRequestPreview()).toContainText(
        "POST http://127.0.0.1:4010/v1/messages/send",
      );
      await expect(compose.requestPreview().locator("code").first()).toContainText(last);
      const previewed = await compose.previewedBody();
      const curl = await compose.requestPreview().locator("code").nth(1).textContent();
      await compose.send();
      await expect(compose.status()).toContainText("Message enqueued");
      const received = await onlySendTo(to);
      expect(received.body).toEqual(previewed);
      expect(curl).toContain(`--data '${JSON.stringify(received.body).replace(/'/g, `'\\''`)}'`);
    });
  }
});

test("Copy curl copies the command with the token masked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const compose = new ComposePage(page);
  const to = uniquePhone();
  await compose.open();
  await compose.field("Recipient").fill(to);
  await compose.field("Message").fill("Hello!");
  await compose.openRequestPreview();
  await page.getByRole("button", { name: "Copy curl" }).click();
  await expect(compose.requestPreview()).toContainText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("curl -X POST 'http://127.0.0.1:4010/v1/messages/send'");
  expect(copied).toContain('-H "Authorization: Bearer $CALLBELL_API_TOKEN"');
  expect(copied).toContain(`"to":"${to}"`);
  expect(copied).not.toContain(STUB_TOKEN);
});
