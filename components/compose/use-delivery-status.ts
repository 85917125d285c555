"use client";

import { useEffect, useState } from "react";
import { POLLED_STATUSES } from "@/lib/delivery/status-rule";
import type { HistoryResponse } from "@/lib/history/history-item";
import { fetchJson } from "@/lib/http/fetch-json";

export type DeliveryStatus = { status: string; reason: string | null };

/** The history's own refresh pace (history-table.tsx) for the first minute, then slower for a message that waits. */
const FIRST_DELAY_MS = 3_000;
const MAX_DELAY_MS = 30_000;
const delayAfter = (polls: number) => Math.min(FIRST_DELAY_MS * 2 ** Math.floor(polls / 20), MAX_DELAY_MS);

/** Whether a status can still change: the ones the server's poller keeps asking Callbell about. */
export const statusMayChange = (status: string) => (POLLED_STATUSES as readonly string[]).includes(status);

/**
 * A sent message's status as the history has it, read again while the component that shows it is mounted and the
 * status may still change (the webhook and the server's poller write it; this only reads). Callbell reports delivery
 * statuses for WhatsApp only, so a message on another platform is not followed. A hidden tab skips its turn.
 */
export function useDeliveryStatus(uuid: string, platform: string): DeliveryStatus {
  const [current, setCurrent] = useState<DeliveryStatus>({ status: "enqueued", reason: null });
  useEffect(() => {
    if (!uuid || platform !== "whatsapp") return;
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const poll = async () => {
      if (document.visibilityState === "visible") {
        try {
          const page = await fetchJson<HistoryResponse>(`/api/history?${new URLSearchParams({ q: uuid })}`, {
            signal: stop.signal,
          });
          const item = page.items.find((row) => row.callbellUuid === uuid);
          if (item) {
            setCurrent({ status: item.status, reason: item.statusReason });
            if (!statusMayChange(item.status)) return;
          }
        } catch {
          // A missed read (the server restarting, the network) is tried again on the next turn.
        }
      }
      if (!stop.signal.aborted) timer = setTimeout(poll, delayAfter(++polls));
    };
    timer = setTimeout(poll, delayAfter(0));
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [uuid, platform]);
  return current;
}
