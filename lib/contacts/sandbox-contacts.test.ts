import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { SANDBOX_CONTACT_RECIPIENTS } from "@/lib/sandbox/data";
import { sandboxFetch } from "@/lib/sandbox/simulator";
import { lookupContact } from "./lookup-contact";

const client = createCallbellClient({
  baseUrl: "http://sandbox.test/v1",
  token: "sandbox",
  timeoutMs: 1000,
  fetch: sandboxFetch,
});

describe("the sandbox's contacts", () => {
  it("has a customer whose window is open", async () => {
    const result = await lookupContact(
      client,
      { phone: SANDBOX_CONTACT_RECIPIENTS.windowOpen },
      undefined,
      Date.now(),
    );
    expect(result).toMatchObject({
      kind: "found",
      contact: { name: "Olivia Open" },
      window: { state: "open" },
    });
  });

  it("has a customer whose window closed a day ago", async () => {
    const now = Date.now();
    const result = await lookupContact(
      client,
      { phone: SANDBOX_CONTACT_RECIPIENTS.windowClosed },
      undefined,
      now,
    );
    expect(result).toMatchObject({ kind: "found", window: { state: "closed" } });
    const closedAt =
      result.kind === "found" && result.window.state === "closed" ? result.window.closedAt : null;
    expect(Math.round((now - Date.parse(closedAt!)) / 3_600_000)).toBe(24);
  });

  it("knows no other number", async () => {
    expect(await lookupContact(client, { phone: "+31612345678" }, undefined, Date.now())).toEqual({
      kind: "not-found",
    });
  });

  it("finds a busy customer's last message on page 2, although the answers carry no meta", async () => {
    const now = Date.now();
    const result = await lookupContact(client, { phone: SANDBOX_CONTACT_RECIPIENTS.busy }, undefined, now);
    expect(result).toMatchObject({ kind: "found", window: { state: "open" } });
    const last =
      result.kind === "found" && result.window.state === "open" ? result.window.lastReceivedAt : "";
    expect(Math.round((now - Date.parse(last)) / 3_600_000)).toBe(5);
  });

  it("finds a customer known only by a BSUID", async () => {
    const result = await lookupContact(
      client,
      { bsuid: SANDBOX_CONTACT_RECIPIENTS.bsuid },
      undefined,
      Date.now(),
    );
    expect(result).toMatchObject({
      kind: "found",
      contact: { bsuid: SANDBOX_CONTACT_RECIPIENTS.bsuid, phone: "" },
      window: { state: "open" },
    });
  });
});
