import { describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { changeScheduledSend, claimDueScheduledSend } from "@/lib/db/schedule-queries";
import { findSendById } from "@/lib/db/send-queries";
import { testDatabase } from "@/lib/db/testing";
import { emptyComposeForm } from "./compose-form";
import { createScheduler, missedMessage } from "./scheduler";
import { fireScheduledSend, scheduleComposedMessage } from "./send-later";
import type { SendDependencies } from "./send-message";

const MINUTE = 60_000;

async function setup() {
  const sent: { to?: string }[] = [];
  const db = await testDatabase();
  let channelsReadable = true;
  const client = createCallbellClient({
    baseUrl: "https://api.example/v1",
    token: "t",
    timeoutMs: 1000,
    fetch: async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return Response.json({ message: { uuid: `u${sent.length}`, status: "enqueued" } });
    },
    sleep: async () => {},
  });
  const deps: SendDependencies = {
    db,
    client,
    loadTemplates: async () => [],
    loadChannels: async (platform) => {
      if (!channelsReadable) throw new Error("Callbell could not be reached");
      return [{ uuid: `${platform}-main`, title: "Main", type: platform, main: true }];
    },
    waitForInFlightMs: 1000,
    sender: { id: "user-1", email: "ana@example.com" },
  };
  return { deps, sent, setChannelsReadable: (readable: boolean) => (channelsReadable = readable) };
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
    const schedulers = [1, 2, 3].map(() =>
      createScheduler({
        db: async () => deps.db,
        fire: (row) => fireScheduledSend(row, deps),
        lateLimitMs: 60 * MINUTE,
        perTick: 5,
        now: () => now + MINUTE,
      }),
    );
    // Before its time nothing fires; at its time every message goes exactly once.
    const early = createScheduler({
      db: async () => deps.db,
      fire: (row) => fireScheduledSend(row, deps),
      lateLimitMs: 60 * MINUTE,
      perTick: 5,
      now: () => now + MINUTE - 1_000,
    });
    expect(await early.tick()).toEqual({ fired: 0, missed: 0 });
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
      fire: (row) => fireScheduledSend(row, deps),
      lateLimitMs: 60 * MINUTE,
      perTick: 10,
      now: () => start + 75 * MINUTE,
    });
    expect(await scheduler.tick()).toEqual({ fired: 1, missed: 1 });
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
});
