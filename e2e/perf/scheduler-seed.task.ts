// Seeds the scheduler bench (scheduler.bench.mjs): BENCH_SEED_COUNT compose texts scheduled for BENCH_SEED_AT (ms),
// each through the send-later use-case (checked as Compose checks it, recorded by schedule-queries), into the database
// of DATABASE_URL. Writes what it did to BENCH_SEED_OUT as JSON.
import { writeFileSync } from "node:fs";
import { test } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { openDatabase } from "@/lib/db/client";
import { emptyComposeForm } from "@/lib/messages/compose-form";
import { scheduleComposedMessage } from "@/lib/messages/send-later";
import type { SendDependencies } from "@/lib/messages/send-message";

test("seed the scheduled messages", async () => {
  const count = Number(process.env.BENCH_SEED_COUNT);
  const at = new Date(Number(process.env.BENCH_SEED_AT));
  const prefix = process.env.BENCH_SEED_PREFIX!;
  const { db, ready } = openDatabase(process.env.DATABASE_URL!);
  await ready;
  const deps: SendDependencies = {
    db,
    // Scheduling reads Callbell's channels only (given here as the stub's); nothing is sent now.
    client: createCallbellClient({ baseUrl: "http://127.0.0.1:9/v1", token: "unused", timeoutMs: 1_000 }),
    loadTemplates: async () => [],
    loadChannels: async (platform) => [
      { uuid: "chan-main", title: "Support line", type: platform, main: true },
    ],
    waitForInFlightMs: 1_000,
    sender: null,
  };
  const started = Date.now();
  for (let index = 0; index < count; index++) {
    const result = await scheduleComposedMessage(
      {
        ...emptyComposeForm(`bench-scheduler-${String(index).padStart(6, "0")}`),
        to: `${prefix}${String(index).padStart(5, "0")}`,
        channelUuid: "chan-main",
        text: `Your order ${index} is on its way`,
      },
      { at, zone: "UTC" },
      deps,
    );
    if (result.kind !== "scheduled") throw new Error(`message ${index}: ${JSON.stringify(result)}`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (Date.now() >= at.getTime())
    throw new Error("seeding ended after the messages' time: give it more time");
  writeFileSync(process.env.BENCH_SEED_OUT!, JSON.stringify({ count, seconds }));
});
