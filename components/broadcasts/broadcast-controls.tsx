"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { RowCounts } from "@/lib/broadcasts/row-counts";
import type { ControlAction } from "@/lib/broadcasts/results";
import type { BroadcastState } from "@/lib/db/constants";
import { countOf } from "@/lib/format/plural";

/**
 * Pause or resume (at once: both can be undone), and cancel (only after a question that says how many recipients
 * will not get the message; a cancelled broadcast cannot be resumed). A scheduled or missed broadcast can be cancelled
 * here too; starting it now or at a new time is beside its countdown (`broadcast-timing.tsx`).
 */
export function BroadcastControls({
  state,
  waiting,
  rows,
  acting,
  act,
}: {
  state: BroadcastState;
  /** Running, but waiting for its sending hours: nothing is being sent. */
  waiting: boolean;
  rows: RowCounts;
  acting: boolean;
  act: (action: ControlAction) => void;
}) {
  const [asking, setAsking] = useState(false);
  if (state === "cancelled" || state === "completed") return null;
  const waitingToStart = state === "scheduled" || state === "missed";
  const sending = state === "running" && !waiting;
  return (
    <div className="flex flex-wrap gap-2 sm:ml-auto">
      {state === "running" && (
        <Button type="button" variant="outline" disabled={acting} onClick={() => act("pause")}>
          Pause
        </Button>
      )}
      {state === "paused" && (
        <Button type="button" disabled={acting} onClick={() => act("resume")}>
          Resume
        </Button>
      )}
      <Button type="button" variant="destructive-outline" disabled={acting} onClick={() => setAsking(true)}>
        Cancel broadcast
      </Button>
      <ConfirmDialog
        open={asking}
        title="Cancel this broadcast?"
        confirmLabel="Yes, cancel broadcast"
        safeLabel={
          sending
            ? "Keep sending"
            : waitingToStart
              ? "Keep it scheduled"
              : state === "paused"
                ? "Keep it paused"
                : "Keep it waiting"
        }
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          act("cancel");
        }}
      >
        {waitingToStart ? (
          <p>
            It will not start: none of the {countOf(rows.waiting, "recipient")} will get the message. A
            cancelled broadcast cannot be started again.
          </p>
        ) : (
          <p>
            {countOf(rows.waiting, "recipient")} not yet sent will not get the message
            {sending ? " (fewer by the time you confirm: sending goes on while you decide)" : ""}. A cancelled
            broadcast cannot be resumed
            {rows.sent > 0 ? `; ${countOf(rows.sent, "message")} already sent stay sent` : ""}.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
