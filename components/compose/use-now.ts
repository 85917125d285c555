"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;
const subscribe = (notify: () => void) => {
  const timer = setInterval(notify, TICK_MS);
  return () => clearInterval(timer);
};
const now = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

/**
 * The time, refreshed every 15 seconds, for "3 minutes ago" and "5 h left". Null during server rendering: the
 * server's clock and time zone are not the reader's.
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, now, () => null);
}
