"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;
const subscribe = (notify: () => void) => {
  const timer = setInterval(notify, TICK_MS);
  return () => clearInterval(timer);
};
const now = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const never = () => () => {};
const none = () => null;

/**
 * The time, refreshed every 15 seconds, for "3 minutes ago" and "5 h left". Null during server rendering: the
 * server's clock and time zone are not the reader's. With `enabled` false it is null and nothing ticks, so a
 * component that shows no time yet is not rendered again just after hydration, nor every 15 seconds.
 */
export function useNow(enabled = true): number | null {
  return useSyncExternalStore(enabled ? subscribe : never, enabled ? now : none, none);
}
