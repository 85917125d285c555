import { processSingleton } from "./state";

type Entry<T> = { expires: number; value: Promise<T>; ready: boolean; refreshing: boolean };

/**
 * A process-wide cache of loads that expire after `ttlMs`. A load that fails (rejects, or resolves to a value `keep`
 * refuses) is not kept, so the next caller asks again; past `maxEntries` the cache starts over. With `staleMs`, an
 * entry up to that long past its expiry is still served while one caller's load refreshes it in the background: a
 * busy caller (a broadcast sending at its pace) never waits on a reload, and a failed reload keeps the old value.
 */
export function ttlCache<T>(
  name: string,
  {
    ttlMs,
    staleMs = 0,
    maxEntries = 5_000,
    keep = () => true,
  }: { ttlMs: number; staleMs?: number; maxEntries?: number; keep?: (value: T) => boolean },
) {
  const entries = () => processSingleton(`ttl-cache:${name}`, () => new Map<string, Entry<T>>());

  function store(
    cache: Map<string, Entry<T>>,
    key: string,
    load: () => Promise<T>,
    now: number,
    stale?: Entry<T>,
  ) {
    const value = load();
    const entry: Entry<T> = { expires: now + ttlMs, value, ready: false, refreshing: false };
    if (!stale) cache.set(key, entry);
    const forget = () => {
      if (stale) stale.refreshing = false;
      else if (cache.get(key) === entry) cache.delete(key);
    };
    value.then((result) => {
      if (!keep(result)) return forget();
      entry.ready = true;
      if (!stale || cache.get(key) === stale) cache.set(key, entry);
    }, forget);
    return value;
  }

  return {
    /** The cached value for `key`, or `load()`'s, kept until `ttlMs` from now. */
    get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
      const cache = entries();
      const hit = cache.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (hit?.ready && hit.expires + staleMs > now) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          void store(cache, key, load, now, hit).catch(() => {});
        }
        return hit.value;
      }
      if (cache.size >= maxEntries) cache.clear();
      return store(cache, key, load, now);
    },
    forget(key: string) {
      entries().delete(key);
    },
  };
}
