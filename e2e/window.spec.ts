import { expect, test } from "@playwright/test";
import { ComposePage, onlySendTo, uniquePhone } from "./support";

const OPEN = "+31600000100";
const CLOSED = "+31600000101";
const FAILING = "+31600000102";

const FREE_FORM = ["Text", "Image", "Document", "Audio", "Video"];

test("an open window: the contact card, the time left, every type allowed", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+31 6 0000 0100");
  const panel = page.getByRole("region", { name: "Conversation window" });
  await expect(panel).toContainText(/Open: the 24-hour window is open, 2\d h( \d+ min)? left/);
  await expect(panel).toContainText("Jane Customer");
  await expect(panel).toHaveAttribute("data-window-state", "open");
  await expect(panel.getByRole("list", { name: "Tags" })).toContainText("vip");
  await expect(panel.getByRole("list", { name: "Tags" })).toContainText("returning");
  await expect(panel).toContainText("Assigned to ana@example.com");
  await expect(panel.getByRole("link", { name: "Open the conversation in Callbell" })).toHaveAttribute(
    "href",
    "https://dashboard.callbell.eu/chat/contact-open",
  );
  for (const type of FREE_FORM)
    await expect(page.getByRole("radio", { name: type, exact: true })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Use a template" })).toHaveCount(0);
});

test("a closed window: free-form types disabled, one click to Template, and the template goes out", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Message").fill("Are you still there?");
  await compose.field("Recipient").fill(CLOSED);
  const panel = page.getByRole("region", { name: "Conversation window" });
  await expect(panel).toContainText(
    /Closed: the 24-hour window is closed since .+, 24 hours after the customer last wrote/,
  );
  await expect(panel).toContainText("Old Customer");
  await expect(panel).toHaveAttribute("data-window-state", "closed");
  for (const type of FREE_FORM)
    await expect(page.getByRole("radio", { name: type, exact: true })).toBeDisabled();
  // Said once, in the panel, which describes the type picker (no second box, no second error).
  const saidClosed = page.getByText(/window is closed|only a template|approved templates/i);
  await expect(saidClosed).toHaveCount(1);
  await expect(page.getByRole("radiogroup", { name: "Message type" })).toHaveAccessibleDescription(
    /Only a template can be sent/,
  );

  // A free-form send is stopped before it reaches Callbell: the panel's way out takes the focus.
  await compose.send();
  await expect(page.getByRole("button", { name: "Use a template" })).toBeFocused();
  await expect(saidClosed).toHaveCount(1);

  await page.getByRole("button", { name: "Use a template" }).click();
  await expect(page.getByRole("radio", { name: "Template", exact: true })).toBeChecked();
  // The button is gone: the focus goes on to the template picker it opened.
  await expect(compose.field("Template")).toBeFocused();
  await expect(page.getByRole("button", { name: "Use a template" })).toHaveCount(0);
  await compose.chooseTemplate("Order ready");
  await compose.field("Variable 1").fill("Ann");
  await compose.field("Customer opted in").check();
  await compose.send();
  await expect(compose.status()).toContainText("Message enqueued");
  expect((await onlySendTo(CLOSED)).body).toMatchObject({
    template_uuid: "tpl-one-var",
    content: { text: "Ann" },
  });
});

test("unknown windows block nothing: no contact, a failed lookup, another platform", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  const panel = page.getByRole("region", { name: "Conversation window" });
  await compose.field("Recipient").fill(uniquePhone());
  await expect(panel).toContainText(
    "Unknown: the window is unknown because this customer is not a Callbell contact yet",
  );
  await expect(panel).toHaveAttribute("data-window-state", "unknown");
  await compose.field("Recipient").fill(FAILING);
  await expect(panel).toContainText(
    "Unknown: the window is unknown because the contact could not be looked up",
  );
  await compose.field("Platform").selectOption({ label: "Instagram" });
  await expect(panel).toContainText(
    "Unknown: the window is unknown because the 24-hour window is a WhatsApp rule",
  );
  for (const type of FREE_FORM)
    await expect(page.getByRole("radio", { name: type, exact: true })).toBeEnabled();
});

test("lookups wait for the agent to stop typing and are remembered", async ({ page }) => {
  const compose = new ComposePage(page);
  await compose.open();
  const lookups: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/contacts/lookup"))
      lookups.push(new URL(request.url()).searchParams.get("recipient")!);
  });
  // Every prefix from "+31600000" on is a valid number: without the pause, each would be looked up.
  await compose.field("Recipient").pressSequentially("+31 6 0000 0100", { delay: 40 });
  const panel = page.getByRole("region", { name: "Conversation window" });
  await expect(panel).toContainText("Jane Customer");
  await compose.field("Recipient").fill(CLOSED);
  await expect(panel).toContainText("Old Customer");
  await compose.field("Recipient").fill(OPEN);
  await expect(panel).toContainText("Jane Customer");
  expect(lookups).toEqual([OPEN, CLOSED]);
});
