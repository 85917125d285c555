import { describe, expect, it } from "vitest";
import { virtualClock } from "@/lib/broadcasts/testing";
import { createCallbellClient } from "@/lib/callbell/client";
import { changeScheduledSend, claimDueScheduledSend } from "@/lib/db/schedule-queries";
import { findSendById } from "@/lib/db/send-queries";
import { testDatabase } from "@/lib/db/testing";
import { zonedMoment } from "@/lib/format/date";
import { emptyComposeForm } from "./compose-form";
import { createScheduler, missedMessage } from "./scheduler";
import { fireScheduledSend, scheduleComposedMessage } from "./send-later";
import type { SendDependencies } from "./send-message";

const MINUTE = 60_000;

/** A customer Callbell knows by phone (digits): when they last wrote, or a conversation that cannot be read. */
type Customer = { wroteAt: number } | "unreadable";

async function setup() {
  const sent: { to?: string }[] = [];
  const db = await testDatabase();
  let channelsReadable = true;
  const customers = new Map<string, Customer>();
  const lookedUp: string[] = [];
  const client = createCallbellClient({
    baseUrl: "https://api.example/v1",
    token: "t",
    timeoutMs: 1000,
    fetch: async (url: string, init: RequestInit) => {
      const path = new URL(url).pathname.replace(/^\/v1/, "");
      if (init.method === "POST") {
        sent.push(JSON.parse(String(init.body)));
        return Response.json({ message: { uuid: `u${sent.length}`, status: "enqueued" } });
      }
      const digits = /^\/contacts\/(?:phone\/|contact-)(\d+)/.exec(path)?.[1] ?? "";
      if (path.startsWith("/contacts/phone/")) lookedUp.push(digits);
      const customer = customers.get(digits);
      if (customer === "unreadable")
        return Response.json({ error: "Contacts are unavailable" }, { status: 503 });
      if (!customer) return Response.json({ error: "Contact not found" }, { status: 404 });
      if (path.startsWith("/contacts/phone/"))
        return Response.json({ contact: { uuid: `contact-${digits}`, name: "Jane", phoneNumber: digits } });
      const page = Number(new URL(url).searchParams.get("page") ?? 1);
      const received = {
        uuid: "m1",
        createdAt: new Date(customer.wroteAt).toISOString(),
        status: "received",
      };
      return Response.json({ messages: page === 1 ? [received] : [] });
    },
    sleep: async () => {},
  });
  const deps: SendDependencies = {
    db,
    client,
    loadTemplates: async () => [
      {
        uuid: "tpl-order-ready",
        title: "Order ready",
        text: "Hello {{1}}, your order is ready.",
        templateType: "text",
        category: "UTILITY",
        status: "approved",
      },
    ],
    loadChannels: async (platform) => {
      if (!channelsReadable) throw new Error("Callbell could not be reached");
      return [{ uuid: `${platform}-main`, title: "Main", type: platform, main: true }];
    },
    waitForInFlightMs: 1000,
    sender: { id: "user-1", email: "ana@example.com" },
  };
  return {
    deps,
    sent,
    customers,
    lookedUp,
    setChannelsReadable: (readable: boolean) => (channelsReadable = readable),
  };
}

const form = (key: string, to = "+31612345678") => ({
  ...emptyComposeForm(key),
  to,
  channelUuid: "whatsapp-main",
  text: "See you at nine",
});

describe("sending later", () => {
  it("checks the message now, records it scheduled, and sends nothing until it is due", async () => {
    const { deps, sent } = await setup();
    const now = Date.parse("2026-11-27T08:00:00Z");
    const at = new Date(now + 5 * MINUTE);
    const result = await scheduleComposedMessage(
      form("later-key-0001"),
      { at, zone: "Europe/Madrid" },
      deps,
      now,
    );
    expect(result).toEqual({
      kind: "scheduled",
      sendId: expect.any(Number),
      at: at.toISOString(),
      zone: "Europe/Madrid",
    });
    const row = await findSendById(deps.db, (result as { sendId: number }).sendId);
    expect(row).toMatchObject({ status: "scheduled", scheduledFor: at, scheduledZone: "Europe/Madrid" });
    expect(sent).toEqual([]);
    // Bad input is refused now, by the same rules as a send, and by the time's own.
    expect(
      await scheduleComposedMessage({ ...form("later-key-0002"), to: "12" }, { at, zone: "UTC" }, deps, now),
    ).toMatchObject({ kind: "invalid", fieldErrors: { to: expect.any(String) } });
    expect(
      await scheduleComposedMessage(form("later-key-0003"), { at: new Date(now), zone: "UTC" }, deps, now),
    ).toMatchObject({ kind: "invalid", fieldErrors: { sendAt: expect.stringContaining("future") } });
    expect(
      await scheduleComposedMessage(form("later-key-0004"), { at, zone: "Mars/Olympus" }, deps, now),
    ).toMatchObject({ kind: "invalid", fieldErrors: { sendAt: expect.stringContaining("zone") } });
  });

  it("fires each due message once, however many schedulers tick at the same time", async () => {
    const { deps, sent } = await setup();
    const now = Date.parse("2026-11-27T08:00:00Z");
    for (let index = 0; index < 12; index++) {
      await scheduleComposedMessage(
        form(`later-race-${String(index).padStart(4, "0")}`, `+3161234${String(index).padStart(4, "0")}`),
        { at: new Date(now + MINUTE), zone: "UTC" },
        deps,
        now,
      );
    }
    const clock = virtualClock(now + MINUTE);
    const schedulers = [1, 2, 3].map(() =>
      createScheduler({
        db: async () => deps.db,
        fire: (row, depart) => fireScheduledSend(row, deps, depart),
        lateLimitMs: 60 * MINUTE,
        ratePerSecond: 5,
        ...clock,
      }),
    );
    // Before its time nothing fires; at its time every message goes exactly once.
    const early = createScheduler({
      db: async () => deps.db,
      fire: (row, depart) => fireScheduledSend(row, deps, depart),
      lateLimitMs: 60 * MINUTE,
      ratePerSecond: 5,
      ...virtualClock(now + MINUTE - 1_000),
    });
    expect(await early.tick()).toEqual({ fired: 0, missed: 0, broadcasts: 0 });
    for (let round = 0; round < 3; round++) await Promise.all(schedulers.map((s) => s.tick()));
    expect(sent.map((body) => body.to).sort()).toEqual(
      Array.from({ length: 12 }, (_, index) => `+3161234${String(index).padStart(4, "0")}`),
    );
  });

  it("marks missed what came due more than the late limit ago, and sends what is late by less", async () => {
    const { deps, sent } = await setup();
    const start = Date.parse("2026-11-27T08:00:00Z");
    const late = await scheduleComposedMessage(
      form("later-late-0001", "+31611111111"),
      { at: new Date(start + MINUTE), zone: "UTC" },
      deps,
      start,
    );
    const slightly = await scheduleComposedMessage(
      form("later-late-0002", "+31622222222"),
      { at: new Date(start + 50 * MINUTE), zone: "UTC" },
      deps,
      start,
    );
    // Bellhop was down: it starts 75 minutes later.
    const scheduler = createScheduler({
      db: async () => deps.db,
      fire: (row, depart) => fireScheduledSend(row, deps, depart),
      lateLimitMs: 60 * MINUTE,
      ratePerSecond: 10,
      ...virtualClock(start + 75 * MINUTE),
    });
    expect(await scheduler.tick()).toEqual({ fired: 1, missed: 1, broadcasts: 0 });
    expect(await findSendById(deps.db, (late as { sendId: number }).sendId)).toMatchObject({
      status: "missed",
      errorMessage: missedMessage(60 * MINUTE),
    });
    expect(await findSendById(deps.db, (slightly as { sendId: number }).sendId)).toMatchObject({
      status: "enqueued",
    });
    expect(sent.map((body) => body.to)).toEqual(["+31622222222"]);
  });

  it("lets an agent change the time, send now or cancel only while nobody is firing it", async () => {
    const { deps, sent } = await setup();
    const now = Date.parse("2026-11-27T08:00:00Z");
    const schedule = async (key: string) =>
      (await scheduleComposedMessage(
        form(key),
        { at: new Date(now + 30 * MINUTE), zone: "UTC" },
        deps,
        now,
      )) as {
        sendId: number;
      };
    const cancelled = await schedule("later-edit-0001");
    expect(await changeScheduledSend(deps.db, cancelled.sendId, { kind: "cancel" })).toMatchObject({
      status: "cancelled",
    });
    const moved = await schedule("later-edit-0002");
    const at = new Date(now + 60 * MINUTE);
    expect(
      await changeScheduledSend(deps.db, moved.sendId, { kind: "reschedule", at, zone: "Asia/Tokyo" }),
    ).toMatchObject({ status: "scheduled", scheduledFor: at, scheduledZone: "Asia/Tokyo" });
    const now2 = await schedule("later-edit-0003");
    await changeScheduledSend(deps.db, now2.sendId, { kind: "send-now" }, new Date(now + MINUTE));
    const claimed = await claimDueScheduledSend(deps.db, new Date(now + MINUTE));
    expect(claimed?.id).toBe(now2.sendId);
    // Being fired by this (live) instance: too late to cancel.
    expect(await changeScheduledSend(deps.db, now2.sendId, { kind: "cancel" })).toBeUndefined();
    expect(await fireScheduledSend(claimed!, deps)).toMatchObject({ kind: "sent" });
    // A cancelled message is never claimed, whatever its time.
    expect(await claimDueScheduledSend(deps.db, new Date(now + 120 * MINUTE))).toMatchObject({
      id: moved.sendId,
    });
    expect(sent).toHaveLength(1);
  });

  it("checks the message again when it fires: a channel gone refuses it, Callbell unreachable puts it back", async () => {
    const { deps, sent, setChannelsReadable } = await setup();
    const now = Date.parse("2026-11-27T08:00:00Z");
    const result = (await scheduleComposedMessage(
      form("later-check-0001"),
      { at: new Date(now + MINUTE), zone: "UTC" },
      deps,
      now,
    )) as { sendId: number };
    setChannelsReadable(false);
    const claimed = await claimDueScheduledSend(deps.db, new Date(now + MINUTE));
    expect(await fireScheduledSend(claimed!, deps)).toMatchObject({ kind: "retry" });
    expect(await findSendById(deps.db, result.sendId)).toMatchObject({
      status: "scheduled",
      claimedBy: null,
    });
    setChannelsReadable(true);
    const again = await claimDueScheduledSend(deps.db, new Date(now + 2 * MINUTE));
    const gone = { ...deps, loadChannels: async () => [] };
    expect(await fireScheduledSend(again!, gone)).toMatchObject({ kind: "refused" });
    expect(await findSendById(deps.db, result.sendId)).toMatchObject({
      status: "not_sent",
      errorMessage: expect.stringMatching(/^Not sent at its time: /),
    });
    expect(sent).toEqual([]);
  });

  it("refuses a free-form WhatsApp message whose 24-hour window has closed when it fires, and sends a template", async () => {
    const { deps, sent, customers, lookedUp } = await setup();
    const now = Date.now();
    customers.set("31611110001", { wroteAt: now - 30 * 60 * MINUTE });
    customers.set("31611110002", { wroteAt: now - 2 * 60 * MINUTE });
    customers.set("31611110003", "unreadable");
    const schedule = async (key: string, values: Record<string, unknown>) =>
      (
        (await scheduleComposedMessage(
          { ...form(key), ...values },
          { at: new Date(now + MINUTE), zone: "Europe/Madrid" },
          deps,
          now,
        )) as { sendId: number }
      ).sendId;
    const closed = await schedule("later-window-0001", { to: "+31611110001" });
    const open = await schedule("later-window-0002", { to: "+31611110002" });
    const unreadable = await schedule("later-window-0003", { to: "+31611110003" });
    const stranger = await schedule("later-window-0004", { to: "+31611110004" });
    const template = await schedule("later-window-0005", {
      to: "+31611110001",
      type: "template",
      templateUuid: "tpl-order-ready",
      variables: [{ value: "Jo" }],
      optin: true,
    });
    const instagram = await schedule("later-window-0006", {
      to: "shop.customer",
      platform: "instagram",
      channelUuid: "instagram-main",
    });
    const outcomes = new Map<number, string>();
    for (let claimed; (claimed = await claimDueScheduledSend(deps.db, new Date(now + MINUTE)));)
      outcomes.set(claimed.id, (await fireScheduledSend(claimed, deps)).kind);

    // The window closed 6 hours ago: nothing reaches Callbell, and the row says why, in the zone it was chosen in.
    expect(outcomes.get(closed)).toBe("refused");
    const closedAt = new Date(now - 6 * 60 * MINUTE);
    expect(await findSendById(deps.db, closed)).toMatchObject({
      status: "not_sent",
      errorMessage:
        `Not sent at its time: the customer's 24-hour window closed on ${zonedMoment(closedAt, "Europe/Madrid")}; ` +
        "only a template can be sent now.",
    });
    // An open window, one that cannot be read and an unknown customer go as Compose would send them; a template and
    // another platform's message are not checked.
    for (const id of [open, unreadable, stranger, template, instagram]) {
      expect(outcomes.get(id)).toBe("sent");
      expect((await findSendById(deps.db, id))?.status).toBe("enqueued");
    }
    expect(sent.map((body) => [body.to, "template_uuid" in body])).toEqual([
      ["+31611110002", false],
      ["+31611110003", false],
      ["+31611110004", false],
      ["+31611110001", true],
      ["shop.customer", false],
    ]);
    expect(lookedUp.filter((digits, index) => lookedUp.indexOf(digits) === index)).toEqual([
      "31611110001",
      "31611110002",
      "31611110003",
      "31611110004",
    ]);
  });
});
