"use client";

import { absoluteMoment, formatMoment, preciseMoment } from "@/lib/format/date";
import { useNow } from "./use-now";

/**
 * A moment as Bellhop writes it everywhere (lib/format/date.ts): "3 minutes ago" within a day, "26 Nov 2026, 14:05
 * CET" after, in the reader's own zone, kept current. The server knows neither the reader's clock nor zone, so the
 * HTML says it absolutely in UTC until the browser hydrates. The exact second is in the tooltip.
 * `plain`: a second mention of a moment already given as a `time` element (one per row, for automation).
 */
export function Moment({ iso, plain = false, absolute = false }: { iso: string; plain?: boolean; absolute?: boolean }) {
  const now = useNow();
  const at = new Date(iso);
  const text =
    now === null
      ? absoluteMoment(at, { timeZone: "UTC" })
      : absolute
        ? absoluteMoment(at)
        : formatMoment(at, now);
  const title = now === null ? undefined : preciseMoment(at);
  return plain ? (
    <span title={title}>{text}</span>
  ) : (
    <time dateTime={iso} title={title}>
      {text}
    </time>
  );
}
