"use client";

import { WhenFields, ZoneOptions } from "@/components/compose/when-fields";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { zonedMoment } from "@/lib/format/date";
import { wallClock, zonedTimeToUtc } from "@/lib/format/zoned-time";
import type { BroadcastTimingState } from "./use-broadcast-timing";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/**
 * The confirm step's `When` (start now, or at a date, time and zone) and its sending hours (only between two times,
 * on chosen weekdays, in a zone: outside them the broadcast waits and goes on by itself).
 */
export function TimingFields({ timing: state }: { timing: BroadcastTimingState }) {
  const { timing, errors, update } = state;
  const startsAt = timing.when === "later" ? zonedTimeToUtc(timing.local, timing.zone) : null;
  const closedNow = timing.limited && timing.when === "now" && hoursClosedNow(timing);
  return (
    <div className="grid gap-4">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">When</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="bw-when"
              className="accent-primary"
              checked={timing.when === "now"}
              onChange={() => update({ when: "now" })}
            />
            Start now
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="bw-when"
              className="accent-primary"
              checked={timing.when === "later"}
              onChange={() => update({ when: "later" })}
            />
            Start later
          </label>
        </div>
        {timing.when === "later" && (
          <div className="grid gap-1.5">
            <div className="flex flex-wrap items-end gap-3">
              <WhenFields
                label="Start at"
                idPrefix="bw-start"
                local={timing.local}
                onLocal={(local) => update({ local })}
                zone={timing.zone}
                onZone={(zone) => update({ zone })}
                error={errors.local}
                described
              />
            </div>
            <FieldDescription id="bw-start-at-description">
              {startsAt
                ? `Starts ${zonedMoment(startsAt, timing.zone)}. Until then you can start it now, give it a new time or cancel it from its page.`
                : "Choose a date and a time."}
            </FieldDescription>
            <FieldError id="bw-start-at-error">{errors.local}</FieldError>
          </div>
        )}
      </fieldset>
      <div className="grid gap-2">
        <label className="flex items-center gap-2 text-sm">
          <Checkbox
            checked={timing.limited}
            onChange={(event) => update({ limited: event.target.checked })}
          />
          Send only during set hours
        </label>
        {timing.limited && (
          <div className="grid gap-3 rounded-md border p-3">
            <div className="flex flex-wrap items-start gap-3">
              <Field className="w-40">
                <FieldLabel htmlFor="bw-hours-from">From</FieldLabel>
                <Input
                  type="time"
                  step={1}
                  {...fieldAria("bw-hours-from", errors.from)}
                  value={timing.from}
                  onChange={(event) => update({ from: event.target.value })}
                />
                <FieldError id="bw-hours-from-error">{errors.from}</FieldError>
              </Field>
              <Field className="w-40">
                <FieldLabel htmlFor="bw-hours-to">To</FieldLabel>
                <Input
                  type="time"
                  step={1}
                  {...fieldAria("bw-hours-to", errors.to)}
                  value={timing.to}
                  onChange={(event) => update({ to: event.target.value })}
                />
                <FieldError id="bw-hours-to-error">{errors.to}</FieldError>
              </Field>
              <Field className="w-64">
                <FieldLabel htmlFor="bw-hours-zone">Hours time zone</FieldLabel>
                <NativeSelect
                  {...fieldAria("bw-hours-zone", errors.hoursZone)}
                  value={timing.hoursZone}
                  onChange={(event) => update({ hoursZone: event.target.value })}
                >
                  <ZoneOptions first={timing.hoursZone} />
                </NativeSelect>
                <FieldError id="bw-hours-zone-error">{errors.hoursZone}</FieldError>
              </Field>
            </div>
            <fieldset aria-describedby={errors.days ? "bw-hours-days-error" : undefined}>
              <legend className="mb-1 text-sm font-medium">Days</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
                {DAYS.map((name, index) => {
                  const day = index + 1;
                  return (
                    <label key={name} className="flex items-center gap-1.5">
                      <Checkbox
                        checked={timing.days.includes(day)}
                        onChange={(event) =>
                          update({
                            days: event.target.checked
                              ? [...timing.days, day].sort()
                              : timing.days.filter((chosen) => chosen !== day),
                          })
                        }
                      />
                      {name}
                    </label>
                  );
                })}
              </div>
              <FieldError id="bw-hours-days-error">{errors.days}</FieldError>
            </fieldset>
            <FieldDescription tone={closedNow ? "warning" : "muted"}>
              {closedNow && "These hours are closed now: it will wait until they open. "}
              Outside these hours (its quiet hours) the broadcast waits, then goes on by itself; pause and
              cancel still work. The end must be later the same day.
            </FieldDescription>
          </div>
        )}
      </div>
    </div>
  );
}

/** Whether the hours as chosen are closed right now (so a broadcast started now would wait). */
function hoursClosedNow(timing: BroadcastTimingState["timing"]): boolean {
  if (!timing.hoursZone || !/^\d\d:\d\d/.test(timing.from) || !/^\d\d:\d\d/.test(timing.to)) return false;
  const now = wallClock(Date.now(), timing.hoursZone);
  const day = new Date(Date.UTC(now.year, now.month - 1, now.day)).getUTCDay() || 7;
  const clock = `${String(now.hour).padStart(2, "0")}:${String(now.minute).padStart(2, "0")}:${String(now.second).padStart(2, "0")}`;
  const from = timing.from.length === 5 ? `${timing.from}:00` : timing.from;
  const to = timing.to.length === 5 ? `${timing.to}:00` : timing.to;
  return !timing.days.includes(day) || clock < from || clock >= to;
}
