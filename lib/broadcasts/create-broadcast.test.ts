import { describe, expect, it } from "vitest";
import { testDatabase } from "@/lib/db/testing";
import { createBroadcastFromInput } from "./create-broadcast";

const input = {
  templateUuid: "tpl-order-ready",
  channelUuid: "chan-main",
  csv: "phone,name\n+31612345678,Kim\n",
  mapping: { phone: 0, values: [1], mediaUrl: null },
  optin: true,
};

describe("createBroadcastFromInput", () => {
  it("refuses to name as retried a broadcast that does not exist (the page and the audit trail would say so)", async () => {
    const result = await createBroadcastFromInput(
      { ...input, retryOfId: 999_999_999 },
      {
        db: await testDatabase(),
        templates: [],
        channels: [{ uuid: "chan-main", title: "Main", type: "whatsapp", main: true }],
        creator: { id: "u1", email: "agent@bellhop.test" },
      },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { retryOfId: "There is no broadcast 999999999 to retry" },
    });
  });
});
