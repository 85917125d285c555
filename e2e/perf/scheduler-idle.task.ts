// The idle cost of the scheduler (scheduler.bench.mjs): the real scheduler, ticking every second on the database of
// DATABASE_URL with a message and a broadcast scheduled an hour ahead, for BENCH_IDLE_SECONDS; every statement that
// reaches the database driver is counted and timed. Writes the figures to BENCH_IDLE_OUT as JSON.
import { writeFileSync } from "node:fs";
import { test } from "vitest";
import { createBroadcast } from "@/lib/db/broadcast-queries";
import { openDatabase } from "@/lib/db/client";
import { recordScheduledSend } from "@/lib/db/schedule-queries";
import { createScheduler } from "@/lib/messages/scheduler";

test("count the idle scheduler's statements", async () => {
  const seconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
  const { db, ready } = openDatabase(process.env.DATABASE_URL!);
  await ready;
  const inAnHour = new Date(Date.now() + 3_600_000);
  await recordScheduledSend(db, {
    idempotencyKey: `bench-idle-${Date.now()}`,
    recipient: "+31699999999",
    platform: "whatsapp",
    messageType: "text",
    channelUuid: "chan-main",
    templateUuid: null,
    templateTitle: null,
    templateValueCount: 0,
    requestBody: "{}",
    senderId: null,
    senderEmail: null,
    broadcastId: null,
    broadcastRowId: null,
    attempts: 1,
    scheduledFor: inAnHour,
    scheduledZone: "UTC",
    scheduledForm: "{}",
  });
  await createBroadcast(
    db,
    {
      name: "Bench: later",
      createdById: null,
      createdByEmail: null,
      platform: "whatsapp",
      channelUuid: "chan-main",
      templateUuid: "tpl-one-var",
      templateTitle: "Order ready",
      templateHeader: "",
      mediaUrl: null,
      ratePerSecond: 10,
      retryOfId: null,
      scheduledFor: inAnHour,
      scheduledZone: "UTC",
    },
    [],
  );

  // Every statement the driver runs (libsql's execute, pg's query), whichever query builder made it, and how long.
  const client = (db as unknown as { $client: Record<string, (...args: unknown[]) => Promise<unknown>> })
    .$client;
  const method = typeof client.execute === "function" ? "execute" : "query";
  const original = client[method]!.bind(client);
  const durations: number[] = [];
  client[method] = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await original(...args);
    } finally {
      durations.push(performance.now() - started);
    }
  };
  let fired = 0;
  const scheduler = createScheduler({
    db: async () => db,
    fire: async () => {
      fired += 1;
      throw new Error("nothing is due");
    },
    lateLimitMs: 3_600_000,
    ratePerSecond: 100,
    startBroadcasts: async () => 0,
  });
  // A tick a second, as `start` ticks it.
  const started = Date.now();
  let ticks = 0;
  while (Date.now() - started < seconds * 1_000) {
    await scheduler.tick();
    ticks += 1;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const elapsed = (Date.now() - started) / 1000;
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  writeFileSync(
    process.env.BENCH_IDLE_OUT!,
    JSON.stringify({
      seconds: Number(elapsed.toFixed(1)),
      ticks,
      statements: durations.length,
      perTick: Number((durations.length / ticks).toFixed(2)),
      perSecond: Number((durations.length / elapsed).toFixed(2)),
      readP50Ms: Number(at(0.5).toFixed(2)),
      readP95Ms: Number(at(0.95).toFixed(2)),
      fired,
    }),
  );
});
