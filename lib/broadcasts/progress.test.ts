import { describe, expect, it } from "vitest";
import { claimNextRecipient, finishRecipient } from "@/lib/db/broadcast-queries";
import { changeBroadcastState } from "@/lib/db/broadcast-state-queries";
import { broadcastProgress } from "./progress";
import { broadcastOfRows } from "./testing";

describe("a broadcast's progress", () => {
  it("measures the pace now from the rows finished since it last resumed, not those before the pause", async () => {
    const { db, broadcast } = await broadcastOfRows(20, 1);
    const start = Date.now() - 60_000;
    const send = async (at: number) => {
      const row = (await claimNextRecipient(db, broadcast.id, new Date(at)))!;
      await finishRecipient(
        db,
        row.id,
        {
          state: "enqueued",
          sendId: null,
          callbellUuid: `uuid-${row.id}`,
          error: null,
          attempts: 1,
          notBefore: null,
        },
        new Date(at),
      );
    };
    // One a second for 8 s, paused, resumed 2 s later; then two rows in the 2.5 s since.
    for (let second = 0; second < 8; second += 1) await send(start + second * 1_000);
    await changeBroadcastState(db, broadcast.id, ["running"], "paused", new Date(start + 8_000));
    await changeBroadcastState(db, broadcast.id, ["paused"], "running", new Date(start + 10_000));
    await send(start + 10_500);
    await send(start + 11_500);
    const progress = (await broadcastProgress(db, broadcast.id, start + 12_500))!;
    // 2 rows in the 2.5 s since it resumed: 0.8 a second (counting the rows before the pause too, 2.8).
    expect(progress.currentRate).toBe(0.8);

    // Five rows in the 4 s after another resume (both ends counted) read as 1.25 a second: the page says the pace it
    // keeps, 1, and counts the rest down at it.
    await changeBroadcastState(db, broadcast.id, ["running"], "paused", new Date(start + 20_000));
    await changeBroadcastState(db, broadcast.id, ["paused"], "running", new Date(start + 30_000));
    for (let second = 0; second <= 4; second += 1) await send(start + 30_000 + second * 1_000);
    const later = (await broadcastProgress(db, broadcast.id, start + 34_000))!;
    expect(later.currentRate).toBe(1);
    expect(later.secondsLeft).toBe(20 - 15);
  });
});
