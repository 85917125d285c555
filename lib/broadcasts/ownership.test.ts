import { describe, expect, it } from "vitest";
import { mayControlBroadcast } from "./ownership";

describe("who may pause, resume or cancel a broadcast", () => {
  const broadcast = { createdById: "ana" };
  it("its creator and any admin", () => {
    expect(mayControlBroadcast({ id: "ana", role: "agent" }, broadcast)).toBe(true);
    expect(mayControlBroadcast({ id: "root", role: "admin" }, broadcast)).toBe(true);
  });
  it("not another agent, nor anyone when the creator is unknown (except an admin)", () => {
    expect(mayControlBroadcast({ id: "ben", role: "agent" }, broadcast)).toBe(false);
    expect(mayControlBroadcast({ id: "ben", role: "agent" }, { createdById: null })).toBe(false);
    expect(mayControlBroadcast({ id: "root", role: "admin" }, { createdById: null })).toBe(true);
  });
});
