import { processSingleton } from "./state";

type Entry<T> = { expires: number; value: Promise<T> };

/**
 * A process-wide cache of loads that expire after `ttlMs`. A load that fails (rejects, or resolves to a value `keep`
 * refuses) is not kept, so the next caller asks again; past `maxEntries` the cache starts over.
 */
export function ttlCache<T>(
  name: string,
  {
    ttlMs,
    maxEntries = 5_000,
    keep = () => true,
  }: { ttlMs: number; maxEntries?: number; keep?: (value: T) => boolean },
) {
  const entries = () => processSingleton(`ttl-cache:${name}`, () => new Map<string, Entry<T>>());
  return {
    /** The cached value for `key`, or `load()`'s, kept until `ttlMs` from now. */
    get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
      const cache = entries();
      const hit = cache.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (cache.size >= maxEntries) cache.clear();
      const value = load();
      cache.set(key, { expires: now + ttlMs, value });
      const forget = () => {
        if (cache.get(key)?.value === value) cache.delete(key);
      };
      value.then((result) => keep(result) || forget(), forget);
      return value;
    },
    forget(key: string) {
      entries().delete(key);
    },
  };
}
