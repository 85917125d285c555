import { describe, expect, it } from "vitest";
import { createBroadcast, findBroadcast } from "@/lib/db/broadcast-queries";
import { testDatabase } from "@/lib/db/testing";
import { changeBroadcastAsUser } from "./control";
import { OUTAGE_NOTICE } from "./testing";

const creator = { id: "u-creator", role: "agent" } as const;
const otherAgent = { id: "u-other", role: "agent" } as const;
const admin = { id: "u-admin", role: "admin" } as const;

async function runningBroadcast() {
  const db = await testDatabase();
  const broadcast = await createBroadcast(
    db,
    { ...OUTAGE_NOTICE, createdById: creator.id, channelUuid: "chan-main" },
    [{ rowNumber: 2, phone: "+31610000001", values: JSON.stringify(["Jo"]), mediaUrl: null }],
  );
  return { db, id: broadcast.id };
}

describe("pausing, resuming and cancelling a broadcast", () => {
  it("another agent may watch but not stop it: refused, and the broadcast keeps running", async () => {
    const { db, id } = await runningBroadcast();
    for (const action of ["pause", "resume", "cancel"] as const) {
      expect(await changeBroadcastAsUser(db, otherAgent, id, action)).toEqual({
        kind: "forbidden",
        message: "Only ana@example.com or an admin can pause, resume, cancel or reschedule it",
      });
    }
    expect((await findBroadcast(db, id))?.state).toBe("running");
  });

  it("its creator pauses and resumes it; an admin cancels it", async () => {
    const { db, id } = await runningBroadcast();
    expect(await changeBroadcastAsUser(db, creator, id, "pause")).toMatchObject({
      kind: "changed",
      progress: { id, state: "paused" },
    });
    expect(await changeBroadcastAsUser(db, creator, id, "resume")).toMatchObject({
      kind: "changed",
      progress: { state: "running" },
    });
    expect(await changeBroadcastAsUser(db, admin, id, "cancel")).toMatchObject({
      kind: "changed",
      progress: { state: "cancelled", counts: { cancelled: 1 } },
    });
  });

  it("a change the state does not allow says the state it is in; an unknown broadcast is not found", async () => {
    const { db, id } = await runningBroadcast();
    expect(await changeBroadcastAsUser(db, creator, id, "resume")).toMatchObject({
      kind: "unchanged",
      message: "The broadcast is running",
      progress: { state: "running" },
    });
    expect(await changeBroadcastAsUser(db, admin, id + 1, "pause")).toEqual({
      kind: "not-found",
      message: "No such broadcast",
    });
  });

  it("an action that is none of pause, resume, cancel, start and reschedule is refused, after who may ask", async () => {
    const { db, id } = await runningBroadcast();
    expect((await changeBroadcastAsUser(db, otherAgent, id, "delete")).kind).toBe("forbidden");
    expect(await changeBroadcastAsUser(db, creator, id, "delete")).toEqual({
      kind: "invalid",
      message: 'action must be "pause", "resume", "cancel", "start" or "reschedule"',
    });
  });
});
