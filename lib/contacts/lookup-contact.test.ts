import { describe, expect, it } from "vitest";
import { CallbellError } from "@/lib/callbell/errors";
import { formatDuration, windowAt, windowFromLastReceived } from "./conversation-window";
import { lookupContact } from "./lookup-contact";
import type { ContactCard, ContactMessage } from "./types";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();
const contact: ContactCard = {
  uuid: "c1",
  name: "Jane",
  phone: "+31612345678",
  bsuid: null,
  tags: [],
  assignedUser: null,
  conversationHref: null,
};
const message = (status: string, hours: number): ContactMessage => ({
  uuid: `${status}-${hours}`,
  status,
  createdAt: hoursAgo(hours),
});

/** A Callbell whose contact messages come in these pages (no `meta`, as documented); past them, `beyond`. */
function reader(
  pages: ContactMessage[][],
  found: ContactCard | null | Error = contact,
  beyond: (page: number) => ContactMessage[] = () => [],
) {
  const asked: number[] = [];
  const lookedUp: unknown[] = [];
  return {
    asked,
    lookedUp,
    client: {
      findContact: async (recipient: { phone: string } | { bsuid: string }) => {
        lookedUp.push(recipient);
        if (found instanceof Error) throw found;
        return found;
      },
      listContactMessages: async (_uuid: string, page = 1) => {
        asked.push(page);
        return pages[page - 1] ?? beyond(page);
      },
    },
  };
}
const PHONE = { phone: "+31612345678" };

describe("the 24-hour window", () => {
  it("is open for 24 hours after the customer's last message", () => {
    expect(windowFromLastReceived(hoursAgo(3), NOW)).toEqual({
      state: "open",
      lastReceivedAt: hoursAgo(3),
      closesAt: hoursAgo(-21),
    });
    expect(windowFromLastReceived(hoursAgo(30), NOW)).toEqual({
      state: "closed",
      lastReceivedAt: hoursAgo(30),
      closedAt: hoursAgo(6),
    });
  });

  it("closes while the page is open", () => {
    const open = windowFromLastReceived(hoursAgo(23), NOW);
    expect(windowAt(open, NOW).state).toBe("open");
    expect(windowAt(open, NOW + 2 * 3_600_000)).toMatchObject({ state: "closed", closedAt: hoursAgo(-1) });
  });

  it("says the time left in words", () => {
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000 + 5_000)).toBe("5 h 12 min");
    expect(formatDuration(40 * 60_000)).toBe("40 min");
    expect(formatDuration(59_000)).toBe("less than a minute");
  });
});

describe("looking a contact up", () => {
  it("finds the newest message the customer sent, past our own", async () => {
    const { client } = reader([
      [message("sent", 1), message("note", 2), message("received", 5), message("received", 8)],
    ]);
    const result = await lookupContact(client, PHONE, undefined, NOW);
    expect(result).toMatchObject({ kind: "found", window: { state: "open", lastReceivedAt: hoursAgo(5) } });
  });

  it("pages back only while the messages are younger than the window", async () => {
    const recent = reader([[message("sent", 1)], [message("sent", 2)], [message("received", 3)]]);
    expect(await lookupContact(recent.client, PHONE, undefined, NOW)).toMatchObject({
      window: { state: "open" },
    });
    expect(recent.asked).toEqual([1, 2, 3]);

    const old = reader([[message("sent", 1), message("sent", 25)], [message("received", 26)]]);
    expect(await lookupContact(old.client, PHONE, undefined, NOW)).toMatchObject({
      window: { state: "closed", closedAt: null },
    });
    expect(old.asked).toEqual([1]);
  });

  it("calls a customer who never wrote closed, and too many recent messages unknown", async () => {
    expect(await lookupContact(reader([[]]).client, PHONE, undefined, NOW)).toMatchObject({
      window: { state: "closed", lastReceivedAt: null },
    });
    const busy = reader([
      [message("sent", 1)],
      [message("sent", 2)],
      [message("sent", 3)],
      [message("received", 4)],
    ]);
    expect(await lookupContact(busy.client, PHONE, undefined, NOW)).toMatchObject({
      window: { state: "unknown" },
    });
  });

  it("finds the customer's last message on page 2 although the answers carry no meta", async () => {
    const busy = reader([
      [message("sent", 1), message("note", 2), message("sent", 3)],
      [message("sent", 4), message("received", 5)],
    ]);
    expect(await lookupContact(busy.client, PHONE, undefined, NOW)).toMatchObject({
      window: { state: "open", lastReceivedAt: hoursAgo(5) },
    });
    expect(busy.asked).toEqual([1, 2]);
  });

  it("stops when a Callbell that ignores page answers the first page again", async () => {
    const first = [message("sent", 1), message("sent", 2)];
    const ignoring = reader([first], contact, () => first);
    expect(await lookupContact(ignoring.client, PHONE, undefined, NOW)).toMatchObject({
      window: { state: "closed", lastReceivedAt: null },
    });
    expect(ignoring.asked).toEqual([1, 2]);
  });

  it("looks a BSUID up by its BSUID", async () => {
    const byBsuid = reader([[message("received", 3)]]);
    expect(await lookupContact(byBsuid.client, { bsuid: "US.134912" }, "chan", NOW)).toMatchObject({
      kind: "found",
      window: { state: "open" },
    });
    expect(byBsuid.lookedUp).toEqual([{ bsuid: "US.134912" }]);
  });

  it("reports no contact and a failed lookup apart", async () => {
    expect(await lookupContact(reader([], null).client, PHONE, undefined, NOW)).toEqual({
      kind: "not-found",
    });
    const failure = new CallbellError({
      kind: "http",
      status: 500,
      message: "Callbell had an internal error",
    });
    expect(await lookupContact(reader([], failure).client, PHONE, undefined, NOW)).toEqual({
      kind: "failed",
      message: "Callbell had an internal error",
    });
  });
});
