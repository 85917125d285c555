"use client";

import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { formatSeconds } from "@/lib/format/duration";

const subscribe = (notify: () => void) => {
  const timer = setInterval(notify, 1_000);
  return () => clearInterval(timer);
};
const seconds = () => Math.floor(Date.now() / 1_000);
const none = () => null;

/**
 * "in 4 min 10 s" until `iso`, to the second; "any moment now" once it has come. With `refresh`, the page is rendered
 * again a few seconds after it came (the broadcast list is a server page: the new state shows then).
 */
export function Countdown({ iso, refresh = false }: { iso: string; refresh?: boolean }) {
  const now = useSyncExternalStore(subscribe, seconds, none);
  const router = useRouter();
  const left = Date.parse(iso) / 1_000 - (now ?? 0);
  const due = now !== null && left <= 0;
  useEffect(() => {
    if (!refresh || !due) return;
    const timer = setTimeout(() => router.refresh(), 3_000);
    return () => clearTimeout(timer);
  }, [refresh, due, router]);
  if (now === null) return null;
  return (
    <span className="whitespace-nowrap tabular-nums">
      {due ? "any moment now" : `in ${formatSeconds(left)}`}
    </span>
  );
}
