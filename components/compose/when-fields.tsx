"use client";

import { useSyncExternalStore } from "react";
import { Field, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { wallClock } from "@/lib/format/zoned-time";

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const unchanging = () => () => {};
const onServer = () => null;

/** The reader's zone once in the browser; null while the server renders (it does not know the reader's zone). */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(unchanging, browserZone, onServer);
}

/** Every zone this browser knows, `first` first, UTC always among them. */
function zones(first: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [
    first,
    ...all.filter((zone) => zone !== first),
    ...(all.includes("UTC") || first === "UTC" ? [] : ["UTC"]),
  ];
}

const two = (value: number) => String(value).padStart(2, "0");

/** The wall-clock time in `zone`, `minutes` from now, as a datetime-local value (to the minute). */
export function inZone(zone: string, minutes: number): string {
  const c = wallClock(Date.now() + minutes * 60_000, zone);
  return `${c.year}-${two(c.month)}-${two(c.day)}T${two(c.hour)}:${two(c.minute)}`;
}

/** Every zone this browser knows, `first` first: the options of a time-zone select. */
export function ZoneOptions({ first }: { first: string }) {
  return zones(first || browserZone()).map((name) => (
    <option key={name} value={name}>
      {name}
    </option>
  ));
}

/**
 * `Send at` and `Time zone`, as Compose's Send later and a scheduled message's Details ask them (a broadcast's
 * `Start at`): a wall-clock time (seconds allowed) and the IANA zone it is read in.
 */
export function WhenFields({
  label = "Send at",
  idPrefix,
  local,
  onLocal,
  zone,
  onZone,
  error,
  described = false,
}: {
  label?: string;
  idPrefix: string;
  local: string;
  onLocal: (local: string) => void;
  zone: string;
  onZone: (zone: string) => void;
  /** Why the time was refused (shown by the caller in `${idPrefix}-at-error`). */
  error?: string;
  /** Whether the caller shows `${idPrefix}-at-description`. */
  described?: boolean;
}) {
  return (
    <>
      <Field className="w-56">
        <FieldLabel htmlFor={`${idPrefix}-at`}>{label}</FieldLabel>
        <Input
          type="datetime-local"
          {...fieldAria(`${idPrefix}-at`, error, described)}
          value={local}
          onChange={(event) => onLocal(event.target.value)}
        />
      </Field>
      <Field className="w-64">
        <FieldLabel htmlFor={`${idPrefix}-zone`}>Time zone</FieldLabel>
        <NativeSelect id={`${idPrefix}-zone`} value={zone} onChange={(event) => onZone(event.target.value)}>
          <ZoneOptions first={zone} />
        </NativeSelect>
      </Field>
    </>
  );
}
