"use client";

import { useState } from "react";
import { browserZone, inZone } from "@/components/compose/when-fields";

/** When a broadcast starts and the hours it may send in, as the confirm step asks them. */
export type BroadcastTiming = {
  when: "now" | "later";
  /** `Start at`: a wall-clock time (`2026-11-28T09:00`) in `zone`. */
  local: string;
  zone: string;
  /** `Send only during set hours`. */
  limited: boolean;
  from: string;
  to: string;
  hoursZone: string;
  /** ISO weekdays, 1 (Monday) to 7. */
  days: number[];
};

export type TimingField = "local" | "from" | "to" | "hoursZone" | "days";

/** The server's field names for the timing fields. */
const SERVER_FIELDS: Record<string, TimingField> = {
  startAt: "local",
  "startAt.local": "local",
  "startAt.zone": "local",
  "sendingHours.from": "from",
  "sendingHours.to": "to",
  "sendingHours.zone": "hoursZone",
  "sendingHours.days": "days",
};

/**
 * The confirm step's timing: start now or at a time, and sending hours. The browser's zone is read only when the
 * agent asks for a time (the server renders the form first, and knows no browser's zone).
 */
export function useBroadcastTiming() {
  const [timing, setTiming] = useState<BroadcastTiming>({
    when: "now",
    local: "",
    zone: "",
    limited: false,
    from: "09:00",
    to: "20:00",
    hoursZone: "",
    days: [1, 2, 3, 4, 5],
  });
  const [errors, setErrors] = useState<Partial<Record<TimingField, string>>>({});

  const update = (patch: Partial<BroadcastTiming>) => {
    setTiming((current) => {
      const next = { ...current, ...patch };
      if (next.when === "later" && !next.zone) next.zone = browserZone();
      if (next.when === "later" && !next.local) next.local = inZone(next.zone, 60);
      if (next.limited && !next.hoursZone) next.hoursZone = next.zone || browserZone();
      return next;
    });
    setErrors((current) => {
      const rest = { ...current };
      for (const key of Object.keys(patch)) delete rest[key as TimingField];
      if ("zone" in patch || "when" in patch) delete rest.local;
      // The hours are checked together (the end against the start): a change to one clears what was said of them.
      if (["from", "to", "hoursZone", "days", "limited"].some((key) => key in patch)) {
        delete rest.from;
        delete rest.to;
        delete rest.hoursZone;
        delete rest.days;
      }
      return rest;
    });
  };

  return {
    timing,
    errors,
    update,
    /** What the start posts: a start time and sending hours only when chosen. */
    payload: () => ({
      startAt: timing.when === "later" ? { local: timing.local, zone: timing.zone } : undefined,
      sendingHours: timing.limited
        ? { from: timing.from, to: timing.to, zone: timing.hoursZone, days: timing.days }
        : undefined,
    }),
    /** The server's refusals of timing fields, shown under them; true when there was one. */
    takeServerErrors: (fieldErrors: Record<string, string>) => {
      const mine: Partial<Record<TimingField, string>> = {};
      for (const [serverField, message] of Object.entries(fieldErrors)) {
        const field = SERVER_FIELDS[serverField];
        if (field) mine[field] ??= message;
      }
      setErrors(mine);
      return Object.keys(mine).length > 0;
    },
  };
}

export type BroadcastTimingState = ReturnType<typeof useBroadcastTiming>;
