import { describe, expect, it } from "vitest";
import { channelLabel } from "./channels";

describe("channelLabel", () => {
  const main = { uuid: "c1", title: "Support line", type: "whatsapp", main: true };
  const other = { uuid: "c2", title: "Sales line", type: "whatsapp", main: false };

  it("names the platform's main channel with (main), any other by its title alone", () => {
    expect(channelLabel(main)).toBe("Support line (main)");
    expect(channelLabel(other)).toBe("Sales line");
  });

  it("names the platform too where a list mixes platforms, each of which has a main channel", () => {
    expect(channelLabel(main, { platform: true })).toBe("Support line (WhatsApp, main)");
    expect(channelLabel({ ...other, type: "facebook" }, { platform: true })).toBe("Sales line (Messenger)");
  });

  it("keeps a platform it does not know by its own name", () => {
    expect(channelLabel({ title: "Mail", type: "email", main: false }, { platform: true })).toBe(
      "Mail (email)",
    );
  });
});
