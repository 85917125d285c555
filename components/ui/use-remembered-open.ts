"use client";

import { useCallback, useSyncExternalStore } from "react";

// Tabs of the same browser hear each other through the `storage` event; this tab through these listeners.
const listeners = new Set<() => void>();
// Where storage is unavailable (privacy settings), the choice lasts as long as the page.
const fallback = new Map<string, string>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return fallback.get(key) ?? null;
  }
}

/**
 * Whether a disclosure is open, remembered in the browser under `key` (include the signed-in user's id in it, so that
 * two people sharing a browser keep their own choice). The server renders it `initial`; the stored choice follows.
 */
export function useRememberedOpen(key: string, initial = false): [boolean, (open: boolean) => void] {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const setOpen = useCallback(
    (open: boolean) => {
      const value = open ? "open" : "closed";
      try {
        window.localStorage.setItem(key, value);
      } catch {
        fallback.set(key, value);
      }
      listeners.forEach((listener) => listener());
    },
    [key],
  );
  return [stored === null ? initial : stored === "open", setOpen];
}
