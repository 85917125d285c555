"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { zonedTimeToUtc } from "@/lib/format/zoned-time";
import { zonedMoment } from "@/lib/format/date";

/** When and in which zone, as the agent chose them: a wall-clock time (`2026-11-28T09:00`) and an IANA zone. */
export type SendLaterChoice = { local: string; zone: string };

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Every zone this browser knows, the agent's own first. */
export function zones(own: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [
    own,
    ...all.filter((zone) => zone !== own),
    ...(all.includes("UTC") || own === "UTC" ? [] : ["UTC"]),
  ];
}

/** The local wall-clock time in `zone`, `minutes` from now, as a datetime-local value (to the minute). */
export function inZone(zone: string, minutes: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * `Send later`'s choice of a date, a time and the zone they are in (the browser's by default), with what the agent
 * should know first: when that is in words, and that a free-form message will find the 24-hour window closed.
 */
export function SendLaterPanel({
  onSchedule,
  pending,
  error,
  windowClosesAt,
  freeForm,
}: {
  onSchedule: (choice: SendLaterChoice) => void;
  pending: boolean;
  /** Why the last choice was refused (`sendAt`), from the server. */
  error: string | undefined;
  /** When the customer's 24-hour window closes, if it is open now. */
  windowClosesAt: string | null;
  /** A message other than a template: it needs the window open when it goes. */
  freeForm: boolean;
}) {
  const [zone, setZone] = useState(browserZone);
  const [local, setLocal] = useState(() => inZone(browserZone(), 60));
  const at = zonedTimeToUtc(local, zone);
  const closedBy =
    freeForm && at && windowClosesAt && at.getTime() > Date.parse(windowClosesAt) ? windowClosesAt : null;
  return (
    <div className="grid gap-3 rounded-md border p-3" id="compose-send-later">
      <div className="flex flex-wrap items-end gap-3">
        <Field className="w-56">
          <FieldLabel htmlFor="compose-send-at">Send at</FieldLabel>
          <Input
            type="datetime-local"
            {...fieldAria("compose-send-at", error, true)}
            value={local}
            onChange={(event) => setLocal(event.target.value)}
          />
        </Field>
        <Field className="w-64">
          <FieldLabel htmlFor="compose-send-zone">Time zone</FieldLabel>
          <NativeSelect id="compose-send-zone" value={zone} onChange={(event) => setZone(event.target.value)}>
            {zones(browserZone()).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Button
          type="button"
          variant="outline"
          disabled={pending}
          onClick={() => onSchedule({ local, zone })}
          aria-describedby="compose-send-at-description"
        >
          Schedule message
        </Button>
      </div>
      <FieldDescription id="compose-send-at-description">
        {at ? `Goes out ${zonedMoment(at, zone)}.` : "Choose a date and a time."} It is checked now and again
        when it goes; until then you can change or cancel it from its Details in the history.
      </FieldDescription>
      {closedBy && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="send-later-window">
          The customer&apos;s 24-hour window closes {zonedMoment(new Date(closedBy), zone)}, before this time:
          a free-form message would then be refused. Use a template, or choose an earlier time.
        </p>
      )}
      <FieldError id="compose-send-at-error">{error}</FieldError>
    </div>
  );
}
