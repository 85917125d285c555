"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;
const subscribe = (notify: () => void) => {
  const timer = setInterval(notify, TICK_MS);
  return () => clearInterval(timer);
};
const now = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

export function timeAgo(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"} ago`;
}

/** "3 minutes ago", kept current. Rendered in the browser only: the server's clock and time zone are not the reader's. */
export function TimeAgo({ iso }: { iso: string }) {
  const current = useSyncExternalStore(subscribe, now, () => null);
  if (current === null) return <time dateTime={iso} />;
  const then = Date.parse(iso);
  return (
    <time dateTime={iso} title={new Date(then).toLocaleString()}>
      {timeAgo(Math.max(0, current - then))}
    </time>
  );
}
