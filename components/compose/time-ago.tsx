"use client";

import { useNow } from "@/components/ui/use-now";

export function timeAgo(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"} ago`;
}

/** "3 minutes ago", kept current, rendered in the browser only. */
export function TimeAgo({ iso }: { iso: string }) {
  const now = useNow();
  if (now === null) return <time dateTime={iso} />;
  const then = Date.parse(iso);
  return (
    <time dateTime={iso} title={new Date(then).toLocaleString()}>
      {timeAgo(Math.max(0, now - then))}
    </time>
  );
}
