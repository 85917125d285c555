import { describe, expect, it } from "vitest";
import { statusNote } from "./status-note";

const send = { status: "rejected", platform: "whatsapp", statusReason: null, errorMessage: null };

describe("statusNote", () => {
  it("starts with the reason, not with what the badge already says", () => {
    expect(
      statusNote({
        ...send,
        errorMessage:
          "Callbell refused the send: the WhatsApp wallet has no credit left: top it up in Callbell before sending again",
      }),
    ).toBe("The WhatsApp wallet has no credit left: top it up in Callbell before sending again");
    expect(statusNote({ ...send, errorMessage: "Callbell rejected the request (HTTP 418)" })).toBe(
      "Callbell rejected the request (HTTP 418)",
    );
    expect(statusNote({ ...send, errorMessage: "Callbell refused the API token: Invalid API token" })).toBe(
      "Callbell refused the API token: Invalid API token",
    );
  });

  it("prefers Callbell's delivery reason, and explains a status that will not move", () => {
    expect(
      statusNote({ ...send, status: "failed", statusReason: "Number does not exist", errorMessage: "x" }),
    ).toBe("Number does not exist");
    expect(statusNote({ ...send, status: "enqueued", platform: "telegram" })).toBe(
      "Telegram reports no delivery status",
    );
    expect(statusNote({ ...send, status: "enqueued" })).toBeNull();
    expect(
      statusNote({
        ...send,
        status: "scheduled",
        scheduledFor: "2026-11-28T08:00:00.000Z",
        scheduledZone: "Europe/Madrid",
      }),
    ).toBe("Goes out 28 Nov 2026, 09:00 CET (Europe/Madrid)");
  });
});
