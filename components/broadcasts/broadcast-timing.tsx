"use client";

import { useState } from "react";
import { inZone, useBrowserZone, WhenFields } from "@/components/compose/when-fields";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FieldError } from "@/components/ui/field";
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
  saved,
}: {
  progress: BroadcastProgress;
  canControl: boolean;
  acting: boolean;
  act: (action: "start" | "reschedule", when?: StartTime) => void;
  /** Why the last new time was refused. */
  error: string | undefined;
  /** The last new time was saved (said until the next change). */
  saved: boolean;
}) {
  const { state, scheduledFor, scheduledZone, waitingUntil, sendingHours, stateNote } = progress;
  const zone = scheduledZone ?? "UTC";
  const [local, setLocal] = useState(() =>
    scheduledFor ? inZone(zone, Math.max(1, (Date.parse(scheduledFor) - Date.now()) / 60_000)) : "",
  );
  const [chosenZone, setChosenZone] = useState(zone);
  const [asking, setAsking] = useState(false);
  const mine = useBrowserZone();
  const waitingToStart = state === "scheduled" || state === "missed";
  if (!waitingToStart && !waitingUntil && !sendingHours) return null;
  return (
    <div className="grid gap-3" data-testid="broadcast-timing">
      {state === "scheduled" && scheduledFor && (
        <p className="text-sm">
          Starts <Countdown iso={scheduledFor} />, {zonedMoment(new Date(scheduledFor), zone)}
          {mine && mine !== zone && `, ${zonedMoment(new Date(scheduledFor), mine)} your time`}.
        </p>
      )}
      {state === "missed" && stateNote && <p className="text-sm text-destructive">{stateNote}</p>}
      {state === "running" && waitingUntil && (
        <p className="text-sm" role="status">
          Waiting for quiet hours to end: {progress.rows.done === 0 ? "starts sending" : "resumes"}{" "}
          <Countdown iso={waitingUntil} />, {zonedMoment(new Date(waitingUntil), mine ?? "UTC")}.
        </p>
      )}
      {sendingHours && <p className="text-sm text-muted-foreground">Sends only {sendingHours}.</p>}
      {waitingToStart && canControl && (
        <form
          className="grid gap-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            act("reschedule", { local, zone: chosenZone });
          }}
        >
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
            <Button type="submit" variant="outline" disabled={acting}>
              Save new time
            </Button>
            <Button type="button" disabled={acting} onClick={() => setAsking(true)}>
              Start now
            </Button>
          </div>
          <FieldError id="broadcast-start-at-error">{error}</FieldError>
          {saved && !error && (
            <p role="status" className="text-sm">
              New time saved.
            </p>
          )}
          <ConfirmDialog
            open={asking}
            title="Start this broadcast now?"
            confirmLabel="Yes, start now"
            safeLabel="Keep it scheduled"
            onClose={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              act("start");
            }}
          >
            <p>
              Its {progress.rows.waiting.toLocaleString("en")} recipients start getting the message at once
              {sendingHours ? `, within its hours (${sendingHours})` : ""}.
            </p>
          </ConfirmDialog>
        </form>
      )}
    </div>
  );
}
