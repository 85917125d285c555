import { describe, expect, it } from "vitest";
import {
  describeSendingHours,
  insideSendingHours,
  nextSendingTime,
  parseSendingHours,
  sendingHoursSchema,
  sendingWindowCloses,
  type SendingHours,
} from "./sending-hours";

const madridWeekdays: SendingHours = {
  from: "09:00",
  to: "20:00",
  zone: "Europe/Madrid",
  days: [1, 2, 3, 4, 5],
};
const at = (iso: string) => Date.parse(iso);

describe("sending hours", () => {
  it("sends inside the hours, in the zone's own clock (Madrid is UTC+1 in winter)", () => {
    // Friday 27 November 2026.
    expect(insideSendingHours(madridWeekdays, at("2026-11-27T08:00:00Z"))).toBe(true); // 09:00 Madrid
    expect(insideSendingHours(madridWeekdays, at("2026-11-27T07:59:59Z"))).toBe(false);
    expect(insideSendingHours(madridWeekdays, at("2026-11-27T18:59:59Z"))).toBe(true);
    expect(insideSendingHours(madridWeekdays, at("2026-11-27T19:00:00Z"))).toBe(false); // 20:00: closed
  });

  it("waits from Friday evening to Monday morning when only weekdays are chosen", () => {
    expect(nextSendingTime(madridWeekdays, at("2026-11-27T19:30:00Z"))).toBe(at("2026-11-30T08:00:00Z"));
    expect(nextSendingTime(madridWeekdays, at("2026-11-28T12:00:00Z"))).toBe(at("2026-11-30T08:00:00Z"));
  });

  it("opens at the summer offset after the clocks change (Madrid, 29 March 2026)", () => {
    const everyDay = { ...madridWeekdays, days: [1, 2, 3, 4, 5, 6, 7] };
    // Saturday 28 March 20:30 Madrid (UTC+1) → Sunday 29 March 09:00 Madrid, now UTC+2.
    expect(nextSendingTime(everyDay, at("2026-03-28T19:30:00Z"))).toBe(at("2026-03-29T07:00:00Z"));
  });

  it("says when the open window closes, and nothing outside it", () => {
    expect(sendingWindowCloses(madridWeekdays, at("2026-11-27T10:00:00Z"))).toBe(at("2026-11-27T19:00:00Z"));
    expect(sendingWindowCloses(madridWeekdays, at("2026-11-28T10:00:00Z"))).toBeNull();
    expect(sendingWindowCloses(null, at("2026-11-28T10:00:00Z"))).toBeNull();
  });

  it("takes seconds, so a window can be a few seconds long", () => {
    const short = { from: "10:00:05", to: "10:00:10", zone: "UTC", days: [5] };
    expect(nextSendingTime(short, at("2026-11-27T10:00:00Z"))).toBe(at("2026-11-27T10:00:05Z"));
    expect(insideSendingHours(short, at("2026-11-27T10:00:09.999Z"))).toBe(true);
    expect(insideSendingHours(short, at("2026-11-27T10:00:10Z"))).toBe(false);
    expect(nextSendingTime(short, at("2026-11-27T10:00:10Z"))).toBe(at("2026-12-04T10:00:05Z"));
  });

  it("sends at any time with no hours", () => {
    expect(nextSendingTime(null, 123)).toBe(123);
  });

  it("refuses an end before the start, no day, and an unknown zone, next to the field concerned", () => {
    const result = sendingHoursSchema.safeParse({
      from: "20:00",
      to: "09:00",
      zone: "Mars/Olympus",
      days: [],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["zone", "days"]));
    const order = sendingHoursSchema.safeParse({ ...madridWeekdays, from: "20:00", to: "09:00" });
    expect(order.error!.issues[0]).toMatchObject({
      path: ["to"],
      message: "The end must be after the start, on the same day",
    });
  });

  it("reads the stored JSON back, and ignores what it cannot read", () => {
    expect(parseSendingHours(JSON.stringify(madridWeekdays))).toEqual(madridWeekdays);
    expect(parseSendingHours("{")).toBeNull();
    expect(parseSendingHours(null)).toBeNull();
  });

  it("describes the hours in words", () => {
    expect(describeSendingHours(madridWeekdays)).toBe("09:00–20:00 Europe/Madrid, Mon–Fri");
    expect(describeSendingHours({ ...madridWeekdays, days: [1, 3, 6, 7] })).toBe(
      "09:00–20:00 Europe/Madrid, Mon, Wed, Sat, Sun",
    );
    expect(describeSendingHours({ ...madridWeekdays, days: [1, 2, 3, 4, 5, 6, 7] })).toBe(
      "09:00–20:00 Europe/Madrid, every day",
    );
  });
});
