import { describe, expect, it } from "vitest";
import { shapeDifferences } from "./same-shape";

const channels = { channels: [{ uuid: "u", main: true, discardedAt: false }], meta: { page: 1, pages: 1 } };

describe("shapeDifferences", () => {
  it("finds nothing between two answers of the same shape, whatever their values", () => {
    const other = { channels: [{ uuid: "x", main: false, discardedAt: true }], meta: { page: 2, pages: 3 } };
    expect(shapeDifferences(channels, other)).toEqual([]);
  });

  it("names the path of a missing key, an extra key and a wrong type", () => {
    const drifted = {
      channels: [
        { uuid: "u", main: "yes" },
        { uuid: "v", main: true, discardedAt: null, total: 2 },
      ],
      meta: { page: 1, pages: 1 },
    };
    expect(shapeDifferences(channels, drifted)).toEqual([
      "channels[0].main: expected boolean, got string",
      "channels[0].discardedAt: expected boolean, got undefined",
      "channels[1].discardedAt: expected boolean, got null",
      "channels[1].total: not in the documented example (got number)",
    ]);
  });

  it("refuses an empty list, which would prove nothing", () => {
    expect(shapeDifferences(channels, { ...channels, channels: [] })).toEqual([
      "channels: expected items shaped like the example's, got an empty array",
    ]);
  });

  it("treats a key only some documented items have as optional", () => {
    const expected = { messages: [{ uuid: "a", text: "t" }, { text: "note" }] };
    expect(shapeDifferences(expected, { messages: [{ text: "n" }, { uuid: "b", text: "s" }] })).toEqual([]);
    expect(shapeDifferences(expected, { messages: [{ uuid: 1, text: "s" }] })).toEqual([
      "messages[0].uuid: expected string, got number",
    ]);
  });

  it("accepts a scalar or null where the example shows null, but not an object", () => {
    expect(shapeDifferences({ assignedUser: null }, { assignedUser: "a@b.c" })).toEqual([]);
    expect(shapeDifferences({ assignedUser: null }, { assignedUser: {} })).toEqual([
      "assignedUser: expected null or a scalar, got object",
    ]);
  });

  it("honours optional, nullable and map paths only where asked", () => {
    const expected = { contact: { phoneNumber: "+1", customFields: { Address: "x" } } };
    const actual = { contact: { phoneNumber: null, customFields: { City: "y" }, bsuid: "US.1" } };
    expect(shapeDifferences(expected, actual)).toEqual([
      "contact.phoneNumber: expected string, got null",
      "contact.customFields.Address: expected string, got undefined",
      "contact.customFields.City: not in the documented example (got string)",
      "contact.bsuid: not in the documented example (got string)",
    ]);
    const options = {
      optional: ["contact.bsuid"],
      nullable: ["contact.phoneNumber"],
      maps: ["contact.customFields"],
    };
    expect(shapeDifferences(expected, actual, options)).toEqual([]);
    expect(
      shapeDifferences(expected, { contact: { ...actual.contact, customFields: { City: 1 } } }, options),
    ).toEqual(["contact.customFields.City: expected string, got number"]);
  });
});
