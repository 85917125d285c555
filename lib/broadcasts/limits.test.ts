import { describe, expect, it } from "vitest";
import { createBroadcastFromInput } from "./create-broadcast";
import {
  confirmCountProblem,
  currentRate,
  estimatedSeconds,
  parseRate,
  parseTypedCount,
  rateProblem,
} from "./limits";
import { testDatabase } from "@/lib/db/testing";

const template = {
  uuid: "tpl-1",
  title: "Order ready",
  text: "Hi {{1}}",
  templateType: "text",
  category: "utility",
  status: "approved",
};
const channels = [{ uuid: "chan-main", title: "Main", type: "whatsapp", main: true }];

async function fieldErrorsFor(input: Record<string, unknown>) {
  const result = await createBroadcastFromInput(
    {
      templateUuid: "tpl-1",
      channelUuid: "chan-main",
      csv: `phone,name\n${Array.from({ length: 101 }, (_, i) => `+3161${String(i).padStart(7, "0")},Kim`).join("\n")}`,
      mapping: { phone: 0, values: [1], mediaUrl: null },
      optin: true,
      idempotencyKey: "limits-test-key",
      confirmCount: 101,
      ...input,
    },
    {
      db: await testDatabase(),
      templates: [template],
      channels,
      creator: { id: "u1", email: "agent@bellhop.test" },
    },
  );
  return result.ok ? {} : result.fieldErrors;
}

describe("a broadcast's limits", () => {
  it("a pace is a whole number from 1 to 300 sends a second; an empty field is not one", () => {
    expect(rateProblem(1)).toBeNull();
    expect(rateProblem(100)).toBeNull();
    expect(rateProblem(0)).toBe("Between 1 and 300 sends a second");
    expect(rateProblem(301)).toBe("Between 1 and 300 sends a second");
    expect(rateProblem(300)).toBeNull();
    expect(rateProblem(2.5)).toBe("Enter a whole number of sends per second");
    expect(rateProblem(parseRate(" "))).toBe("Enter a whole number of sends per second");
  });

  it("the typed count ignores thousands separators and is asked above 100 recipients only", () => {
    expect(parseTypedCount("1,234")).toBe(1234);
    expect(parseTypedCount("1 234")).toBe(1234);
    expect(confirmCountProblem(100, undefined)).toBeNull();
    expect(confirmCountProblem(101, 11)).toBe("Type 101 to confirm");
    expect(confirmCountProblem(101, 101)).toBeNull();
    expect(estimatedSeconds(101, 10)).toBe(11);
    expect(estimatedSeconds(1, Number.NaN)).toBe(1);
  });

  it("the server refuses what the wizard refuses, with the same words", async () => {
    expect(await fieldErrorsFor({ ratePerSecond: 0 })).toEqual({ ratePerSecond: rateProblem(0) });
    expect(await fieldErrorsFor({ ratePerSecond: 1.5 })).toEqual({ ratePerSecond: rateProblem(1.5) });
    expect(await fieldErrorsFor({ ratePerSecond: "fast" })).toEqual({
      ratePerSecond: rateProblem(Number.NaN),
    });
    expect(await fieldErrorsFor({ confirmCount: 100 })).toEqual({
      confirmCount: confirmCountProblem(101, 100),
    });
    expect(await fieldErrorsFor({})).toEqual({});
  });
});

describe("the current pace", () => {
  it("counts from the start or the resume, not the whole window, so the first seconds say the true pace", () => {
    const start = 1_000_000;
    // 4 rows in the first 4 s of a 1-a-second broadcast: 1 a second, not 0.4.
    expect(currentRate(4, start, start + 4_000)).toBe(1);
    // Later, the last 10 s: 30 rows in them are 3 a second.
    expect(currentRate(30, start, start + 60_000)).toBe(3);
    // Within the first second, never a division by almost nothing.
    expect(currentRate(1, start, start + 50)).toBe(1);
  });
});
