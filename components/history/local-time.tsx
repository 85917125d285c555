"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};
const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * A moment in the reader's own time zone and language. The server knows neither, so the HTML says it in UTC; the
 * browser puts it in local time as soon as it hydrates.
 */
export function LocalTime({ iso, plain = false }: { iso: string; plain?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = inBrowser ? local.format(date) : `${utc.format(date)} UTC`;
  // `plain`: a second mention of a moment already given as a `time` element (one per row, for automation).
  return plain ? <span>{text}</span> : <time dateTime={iso}>{text}</time>;
}
