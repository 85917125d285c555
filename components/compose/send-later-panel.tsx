"use client";

import { useState } from "react";
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
