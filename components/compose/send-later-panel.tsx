"use client";

import { useEffect, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { FieldDescription, FieldError } from "@/components/ui/field";
import { zonedTimeToUtc } from "@/lib/format/zoned-time";
import { zonedMoment } from "@/lib/format/date";
import { browserZone, inZone, WhenFields } from "./when-fields";

/** When and in which zone, as the agent chose them: a wall-clock time (`2026-11-28T09:00`) and an IANA zone. */
export type SendLaterChoice = { local: string; zone: string };

/**
 * `Send later`'s choice of a date, a time and the zone they are in (the browser's by default), with what the agent
 * should know first: when that is in words, and that a free-form message will find the 24-hour window closed.
 */
export function SendLaterPanel({
  onSchedule,
  choiceRef,
  pending,
  error,
  windowClosesAt,
  windowClosed,
  freeForm,
}: {
  onSchedule: (choice: SendLaterChoice) => void;
  /** Kept current with the choice, for the form's keyboard (Enter schedules while this panel is open). */
  choiceRef: RefObject<SendLaterChoice | null>;
  pending: boolean;
  /** Why the last choice was refused (`sendAt`), from the server. */
  error: string | undefined;
  /** When the customer's 24-hour window closes, if it is open now. */
  windowClosesAt: string | null;
  /** The window is closed now: only the customer's own message would open it again. */
  windowClosed: boolean;
  /** A message other than a template: it needs the window open when it goes. */
  freeForm: boolean;
}) {
  const [zone, setZone] = useState(browserZone);
  const [local, setLocal] = useState(() => inZone(browserZone(), 60));
  const at = zonedTimeToUtc(local, zone);
  useEffect(() => {
    choiceRef.current = { local, zone };
    return () => {
      choiceRef.current = null;
    };
  }, [choiceRef, local, zone]);
  const mine = browserZone();
  const closedBy =
    freeForm && at && windowClosesAt && at.getTime() > Date.parse(windowClosesAt) ? windowClosesAt : null;
  return (
    <div className="grid gap-3 rounded-md border p-3" id="compose-send-later">
      <div className="flex flex-wrap items-end gap-3">
        <WhenFields
          idPrefix="compose-send"
          local={local}
          onLocal={setLocal}
          zone={zone}
          onZone={setZone}
          error={error}
          described
        />
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
        {at
          ? `Goes out ${zonedMoment(at, zone)}${zone === mine ? "" : `, ${zonedMoment(at, mine)} your time`}.`
          : "Choose a date and a time."}{" "}
        It is checked now and again when it goes; until then you can change or cancel it from its Details in
        the history. Changing the zone keeps the clock time: 10:00 in another zone is another moment.
      </FieldDescription>
      {closedBy && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="send-later-window">
          The customer&apos;s 24-hour window closes {zonedMoment(new Date(closedBy), zone)}, before this time:
          a free-form message would then be refused. Use a template, or choose an earlier time.
        </p>
      )}
      {freeForm && windowClosed && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="send-later-window">
          The customer&apos;s 24-hour window is closed: unless they write to you before this time, a free-form
          message will be refused when it goes. Use a template to be sure.
        </p>
      )}
      <FieldError id="compose-send-at-error">{error}</FieldError>
    </div>
  );
}
