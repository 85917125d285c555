import { describe, expect, it } from "vitest";
import { processSingleton, processSlot } from "./state";
import { ttlCache } from "./ttl-cache";

describe("process state", () => {
  it("makes a singleton once per process, whichever copy of a module asks", () => {
    let made = 0;
    const first = processSingleton("test:one", () => ({ made: ++made }));
    const second = processSingleton("test:one", () => ({ made: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
    // Another copy of this module (as Next loads them) reads the same store, on globalThis.
    expect(processSlot("test:one").get()).toBe(first);
  });
  it("empties a slot", () => {
    const slot = processSlot<number>("test:slot");
    slot.set(3);
    expect(slot.get()).toBe(3);
    slot.set(undefined);
    expect(slot.get()).toBeUndefined();
  });
});

describe("the TTL cache", () => {
  it("keeps a load until it expires, and asks again after", async () => {
    const cache = ttlCache<number>("test:ttl", { ttlMs: 1_000 });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("k", load, 0)).toBe(1);
    expect(await cache.get("k", load, 999)).toBe(1);
    expect(await cache.get("k", load, 1_000)).toBe(2);
  });
  it("keeps neither a failed load nor a value it is told not to keep", async () => {
    const cache = ttlCache<string>("test:failures", { ttlMs: 1_000, keep: (value) => value !== "failed" });
    await expect(cache.get("a", () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await cache.get("a", async () => "up", 1)).toBe("up");
    expect(await cache.get("b", async () => "failed", 0)).toBe("failed");
    await Promise.resolve();
    expect(await cache.get("b", async () => "second", 1)).toBe("second");
  });
  it("starts over past its size", async () => {
    const cache = ttlCache<number>("test:size", { ttlMs: 1_000, maxEntries: 2 });
    await cache.get("a", async () => 1, 0);
    await cache.get("b", async () => 2, 0);
    await cache.get("c", async () => 3, 0);
    expect(await cache.get("a", async () => 4, 0)).toBe(4);
  });
  it("serves an expired value while one caller refreshes it, and keeps it when the refresh fails", async () => {
    const cache = ttlCache<number>("test:stale", { ttlMs: 1_000, staleMs: 1_000 });
    let loads = 0;
    let release = () => {};
    const slowLoad = () => new Promise<number>((resolve) => (release = () => resolve(++loads)));
    const first = cache.get("k", slowLoad, 0);
    release();
    expect(await first).toBe(1);
    // Expired: the old value at once, one refresh underway for every caller.
    expect(await cache.get("k", slowLoad, 1_100)).toBe(1);
    expect(await cache.get("k", slowLoad, 1_200)).toBe(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get("k", slowLoad, 1_300)).toBe(2);
    // A failed refresh keeps the old value; past the stale time, callers wait for a load again.
    expect(await cache.get("k", () => Promise.reject(new Error("down")), 2_400)).toBe(2);
    await Promise.resolve();
    expect(await cache.get("k", async () => 7, 3_400)).toBe(7);
  });
});
