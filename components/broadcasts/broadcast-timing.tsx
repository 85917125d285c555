"use client";

import { useState } from "react";
import { inZone, WhenFields } from "@/components/compose/when-fields";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Moment } from "@/components/ui/moment";
import type { BroadcastProgress } from "@/lib/broadcasts/progress";
import type { StartTime } from "@/lib/broadcasts/control";
import { zonedMoment } from "@/lib/format/date";
import { Countdown } from "./countdown";

/**
 * When a broadcast starts and when it may send: a scheduled one's countdown, with `Start now` and a new time for those
 * who may change it; a missed one's note; a running one waiting for its sending hours, and until when.
 */
export function BroadcastTiming({
  progress,
  canControl,
  acting,
  act,
  error,
}: {
  progress: BroadcastProgress;
  canControl: boolean;
  acting: boolean;
  act: (action: "start" | "reschedule", when?: StartTime) => void;
  /** Why the last new time was refused. */
  error: string | undefined;
}) {
  const { state, scheduledFor, scheduledZone, waitingUntil, sendingHours, stateNote } = progress;
  const zone = scheduledZone ?? "UTC";
  const [local, setLocal] = useState(() =>
    scheduledFor ? inZone(zone, Math.max(1, (Date.parse(scheduledFor) - Date.now()) / 60_000)) : "",
  );
  const [chosenZone, setChosenZone] = useState(zone);
  const waitingToStart = state === "scheduled" || state === "missed";
  if (!waitingToStart && !waitingUntil && !sendingHours) return null;
  return (
    <div className="grid gap-3" data-testid="broadcast-timing">
      {state === "scheduled" && scheduledFor && (
        <p className="text-sm">
          Starts <Countdown iso={scheduledFor} />, {zonedMoment(new Date(scheduledFor), zone)}.
        </p>
      )}
      {state === "missed" && stateNote && <p className="text-sm text-destructive">{stateNote}</p>}
      {state === "running" && waitingUntil && (
        <p className="text-sm" role="status">
          Waiting for quiet hours to end: resumes <Moment iso={waitingUntil} />.
        </p>
      )}
      {sendingHours && <p className="text-sm text-muted-foreground">Sends only {sendingHours}.</p>}
      {waitingToStart && canControl && (
        <div className="grid gap-2">
          <div className="flex flex-wrap items-end gap-3">
            <WhenFields
              label="Start at"
              idPrefix="broadcast-start"
              local={local}
              onLocal={setLocal}
              zone={chosenZone}
              onZone={setChosenZone}
              error={error}
            />
            <Button
              type="button"
              variant="outline"
              disabled={acting}
              onClick={() => act("reschedule", { local, zone: chosenZone })}
            >
              Save new time
            </Button>
            <Button type="button" disabled={acting} onClick={() => act("start")}>
              Start now
            </Button>
          </div>
          <FieldError id="broadcast-start-at-error">{error}</FieldError>
        </div>
      )}
    </div>
  );
}
