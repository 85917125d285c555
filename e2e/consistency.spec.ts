import { expect, test } from "@playwright/test";
import { ONE_MOMENT, everySignedInPage } from "./support";

// Issue 21, item 16: one select, one file picker, one way to write a moment, on every page.
test("every select is the shared one (a drawn chevron, an input's height), and /audit writes its times the one way", async ({
  page,
  request,
}) => {
  const inputHeight = async () =>
    page.evaluate(() => {
      const input = document.createElement("input");
      input.className = "h-9";
      document.body.append(input);
      const height = input.getBoundingClientRect().height;
      input.remove();
      return height;
    });
  for (const path of await everySignedInPage(request)) {
    await page.goto(path);
    const selects = await page.locator("select").evaluateAll((elements) =>
      elements.map((select) => {
        const style = getComputedStyle(select);
        return {
          name: select.id,
          slot: select.dataset.slot,
          appearance: style.appearance,
          chevron: style.backgroundImage.includes("image/svg+xml"),
          height: select.getBoundingClientRect().height,
        };
      }),
    );
    const height = await inputHeight();
    for (const select of selects) {
      expect(select, `${path} #${select.name}`).toMatchObject({
        slot: "native-select",
        appearance: "none",
        chevron: true,
      });
      if (select.height > 0) expect(select.height, `${path} #${select.name}`).toBe(height);
    }
  }

  // The audit trail: every time element says "3 minutes ago" or "26 Nov 2026, 14:05 UTC", nothing else.
  await page.goto("/audit");
  const times = page.getByRole("table", { name: "Audit trail" }).locator("time");
  await expect(times.first()).toHaveText(ONE_MOMENT);
  for (const text of await times.allInnerTexts()) expect(text).toMatch(ONE_MOMENT);
});

test("the recipients file is a drop zone: a chosen or a dropped file shows its name and size", async ({
  page,
}) => {
  await page.goto("/broadcasts/new");
  const file = page.getByLabel("Recipients file");
  await expect(file).toHaveAttribute("type", "file");
  const zone = page.locator('[data-slot="file-drop"]');
  await expect(zone).toContainText("Choose a file");
  await expect(zone).toContainText("No file chosen");

  const csv = "phone,1\n+31612345678,Jo\n";
  await file.setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(zone).toContainText(`customers.csv (${csv.length} bytes)`);
  await expect(file).toHaveAccessibleDescription(`customers.csv (${csv.length} bytes)`);

  const dropped = "phone,1\n+31612345678,Jo\n+31612345679,Bo\n";
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
    return transfer;
  }, dropped);
  await zone.dispatchEvent("dragover", { dataTransfer });
  await expect(zone).toHaveAttribute("data-dragging", "true");
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(zone).toContainText(`dropped.csv (${dropped.length} bytes)`);
  await expect(zone).not.toHaveAttribute("data-dragging");
  await expect(page.getByRole("status").filter({ hasText: "from dropped.csv" })).toBeVisible();

  // Keyboard: the input itself is the tab stop, and its focus shows on the zone.
  await file.focus();
  await expect(file).toBeFocused();
});
