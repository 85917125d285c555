/**
 * State that exists once per process. Next loads server modules several times (each bundle its own copy), so a
 * module-level variable would exist once per copy: what must exist once (the database handle, the dispatcher, the
 * caches) hangs off `globalThis`, under one symbol, by name.
 */
const STORE = Symbol.for("bellhop.process-state");
type Holder = typeof globalThis & { [STORE]?: Map<string, unknown> };

function store(): Map<string, unknown> {
  const holder: Holder = globalThis;
  return (holder[STORE] ??= new Map());
}

/** A named place for one value per process, which may be set, replaced and emptied. */
export type ProcessSlot<T> = { get(): T | undefined; set(value: T | undefined): void };

export function processSlot<T>(name: string): ProcessSlot<T> {
  return {
    get: () => store().get(name) as T | undefined,
    set: (value) => {
      if (value === undefined) store().delete(name);
      else store().set(name, value);
    },
  };
}

/** The process's one value under `name`, made by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const slot = processSlot<T>(name);
  let value = slot.get();
  if (value === undefined) {
    value = create();
    slot.set(value);
  }
  return value;
}
