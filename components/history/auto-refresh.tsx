"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the server-rendered page every few seconds while the tab is visible (a send still moving). */
export function AutoRefresh({ everyMs = 3_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
