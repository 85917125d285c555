import { describe, expect, it, vi } from "vitest";
import { preparedOnce, writtenValues } from "./prepared";
import { findSendById, recordSendAttempt, recordSendOutcome } from "./send-queries";
import { testDatabase } from "./testing";

const newSend = (key: string) => ({
  idempotencyKey: key,
  recipient: "+31612345678",
  platform: "whatsapp",
  messageType: "text",
  channelUuid: "channel-1",
  templateUuid: null,
  templateTitle: null,
  templateValueCount: null,
  requestBody: "{}",
  senderId: null,
  senderEmail: null,
});

describe("prepared queries", () => {
  it("are built once per database and key, and again for another database", async () => {
    const [first, second] = [await testDatabase(), await testDatabase()];
    const build = vi.fn(() => ({ prepare: () => ({ execute: async () => [] }) }));
    const a = preparedOnce(first, "q", build);
    expect(preparedOnce(first, "q", build)).toBe(a);
    expect(build).toHaveBeenCalledTimes(1);
    preparedOnce(first, "other", build);
    preparedOnce(second, "q", build);
    expect(build).toHaveBeenCalledTimes(3);
  });

  it("take their statement's name from their key, the same in every copy of the module (Next loads it more than once)", async () => {
    // A fake query whose prepare hands back the name it was given.
    const naming = () => ({ prepare: (name: string) => name });
    const first = await import("./prepared");
    vi.resetModules();
    const second = await import("./prepared");
    expect(second.preparedOnce).not.toBe(first.preparedOnce);
    // Each copy meets the statements in another order; a statement keeps its name, two statements never share one.
    const names = [first.preparedOnce({}, "one", naming), first.preparedOnce({}, "two", naming)];
    expect([second.preparedOnce({}, "two", naming), second.preparedOnce({}, "one", naming)]).toEqual(
      [...names].reverse(),
    );
    expect(names[0]).not.toBe(names[1]);
    expect(names[0]!.length).toBeLessThanOrEqual(63);
  });

  it("name their shape by the values given, a null apart from a value, and nothing for undefined", () => {
    const at = new Date();
    expect(writtenValues({ b: 1, a: at, c: undefined }).shape).toBe("a,b");
    expect(writtenValues({ b: null, a: at }).shape).toBe("a,b=null");
    expect(Object.keys(writtenValues({ b: null, a: at, c: undefined }).written as object)).toEqual([
      "a",
      "b",
    ]);
  });

  it("write each call's own values, Dates and nulls included, whatever shape came before", async () => {
    const db = await testDatabase();
    const at = new Date("2026-11-27T10:00:00.123Z");
    const ids: number[] = [];
    for (const key of ["prepared-1", "prepared-2", "prepared-3"]) {
      const { row } = await recordSendAttempt(db, newSend(key), at);
      ids.push(row.id);
    }
    await recordSendOutcome(db, ids[0]!, { status: "enqueued", callbellUuid: "u1", nextPollAt: at }, at);
    await recordSendOutcome(db, ids[1]!, { status: "enqueued", callbellUuid: "u2", nextPollAt: null }, at);
    const later = new Date(at.getTime() + 60_000);
    await recordSendOutcome(db, ids[2]!, { status: "enqueued", callbellUuid: "u3", nextPollAt: later }, at);
    const rows = await Promise.all(ids.map((id) => findSendById(db, id)));
    expect(rows.map((row) => [row?.callbellUuid, row?.nextPollAt?.toISOString() ?? null])).toEqual([
      ["u1", at.toISOString()],
      ["u2", null],
      ["u3", later.toISOString()],
    ]);
    expect(rows.map((row) => row?.createdAt.toISOString())).toEqual(Array(3).fill(at.toISOString()));
    // Only a row still `sending` takes an outcome: the condition is prepared with the rest.
    await recordSendOutcome(db, ids[0]!, { status: "unknown", errorMessage: "late" }, at);
    expect((await findSendById(db, ids[0]!))?.status).toBe("enqueued");
  });
});
