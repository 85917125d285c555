import { expect, test } from "@playwright/test";
import { ComposePage } from "./support";

// Runs against the sandbox (playwright.config.ts): its magic numbers fail each way, and `+15550000999` fails later.
test.use({ viewport: { width: 1280, height: 900 } });

test("a send's outcome comes into view with the focus and a toast, follows the message to its failure, and leaves the form ready for a follow-up", async ({
  page,
}) => {
  const compose = new ComposePage(page);
  await compose.open();
  await compose.field("Recipient").fill("+15550000999");
  await compose.field("Channel").selectOption({ label: "Sales line" });
  const channel = await compose.field("Channel").inputValue();
  await compose.field("Message").fill("This one fails later");
  await compose.send();

  const outcome = compose.status().filter({ hasText: "Message enqueued" });
  await expect(outcome).toContainText("Sent to +15550000999 (Text)");
  await expect(outcome).toBeInViewport({ ratio: 1 });
  await expect(outcome).toBeFocused();
  const uuid = await outcome.getByTestId("sent-uuid").innerText();
  const toast = page.getByRole("region", { name: "Notifications" }).getByRole("listitem");
  await expect(toast).toContainText("Sent to +15550000999 (Text)");
  await expect(toast.getByRole("link", { name: "View in history" })).toHaveAttribute(
    "href",
    `/history?q=${uuid}`,
  );
  await expect(toast.getByRole("button", { name: "Dismiss notification" })).toBeVisible();

  // Who and how stay for the next message; the message itself is cleared.
  await expect(compose.field("Recipient")).toHaveValue("+15550000999");
  await expect(compose.field("Platform")).toHaveValue("whatsapp");
  await expect(compose.field("Channel")).toHaveValue(channel);
  await expect(compose.field("Message")).toHaveValue("");

  // The sandbox fails this number a few seconds after it enqueued it: the outcome follows without a reload.
  await expect(outcome).toContainText("Message enqueued, then failed: Number does not exist on WhatsApp", {
    timeout: 15_000,
  });
  // Its title follows too: red, and no longer "Sent to".
  await expect(outcome).toContainText("Not delivered to +15550000999 (Text)");
  await expect(outcome).not.toContainText("Sent to");

  // The follow-up is a message of its own (a new idempotency key), even to the same customer.
  await compose.field("Message").fill("A follow-up");
  await compose.send();
  await expect(compose.status().getByTestId("sent-uuid")).not.toHaveText(uuid);
  await expect(compose.status().getByTestId("sent-uuid")).toHaveText(/^[0-9a-f]{32}$/);
});

test("each kind of failure says in one sentence what happened and what to do, with Callbell's words under Details", async ({
  page,
}) => {
  const kinds: { to: string; says: string; detail: string; field?: string }[] = [
    {
      to: "+15550000401",
      says: "Callbell refused Bellhop's API token, so nothing was sent: an admin must fix the token on the Settings page.",
      detail: "Invalid API token",
    },
    {
      to: "+15550000402",
      says: "The WhatsApp wallet has no credit, so nothing was sent: top up the wallet in Callbell, then send again.",
      detail: "top it up to send again",
    },
    {
      to: "+15550000500",
      says: "Callbell failed while taking the message, so it may or may not have gone out: check the history in a minute before you send it again.",
      detail: "Internal server error",
    },
    {
      to: "+15550000400",
      says: "Callbell refused the Recipient (to is not a valid WhatsApp number): correct it, then send again.",
      detail: "HTTP 400",
      field: "Recipient",
    },
    {
      to: "+15550000408",
      says: "Bellhop cannot tell whether the message went out",
      detail: "may or may not have gone out",
    },
  ];
  const compose = new ComposePage(page);
  await compose.open();
  for (const kind of kinds) {
    await compose.field("Recipient").fill(kind.to);
    await compose.field("Message").fill(`Kept after ${kind.to}`);
    await compose.send();
    const alert = compose.alert().filter({ hasText: kind.says });
    await expect(alert).toBeInViewport({ ratio: 1 });
    await expect(alert).toBeFocused();
    await expect(alert).not.toContainText("correct it and send again");
    const detail = alert.getByText(kind.detail);
    await expect(detail).toBeHidden();
    await alert.getByText("Details", { exact: true }).click();
    await expect(detail).toBeVisible();
    await expect(page.getByRole("region", { name: "Notifications" })).toContainText(kind.says);
    await expect(compose.field("Message")).toHaveValue(`Kept after ${kind.to}`);
    if (kind.field) await expect(compose.field(kind.field)).toHaveAttribute("aria-invalid", "true");
  }
});
