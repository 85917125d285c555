"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inZone, WhenFields } from "@/components/compose/when-fields";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFocusOutcome } from "@/components/ui/use-focus-outcome";

type Change = { kind: "reschedule"; local: string; zone: string } | { kind: "send-now" } | { kind: "cancel" };
type ChangeAction = (id: number, change: Change) => Promise<{ ok: boolean; message: string }>;

/** A scheduled message's controls on its detail page: a new time, now, or never. */
export function ScheduleControls({
  id,
  scheduledFor,
  zone: chosenZone,
  action,
}: {
  id: number;
  scheduledFor: string;
  zone: string;
  action: ChangeAction;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const [zone, setZone] = useState(chosenZone);
  const [local, setLocal] = useState(() =>
    inZone(chosenZone, (Date.parse(scheduledFor) - Date.now()) / 60_000),
  );
  const [asking, setAsking] = useState(false);
  const outcomeRef = useFocusOutcome<HTMLDivElement>(answer);
  const run = (change: Change) =>
    startTransition(async () => {
      const result = await action(id, change).catch(() => ({
        ok: false,
        message: "Bellhop's server did not answer: try again.",
      }));
      setAnswer(result);
      router.refresh();
    });
  return (
    <div className="grid gap-3">
      {/* A form of its own: Enter in the time or the zone saves it. */}
      <form
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run({ kind: "reschedule", local, zone });
        }}
      >
        <WhenFields idPrefix="schedule" local={local} onLocal={setLocal} zone={zone} onZone={setZone} />
        <Button type="submit" variant="outline" disabled={pending}>
          Save new time
        </Button>
      </form>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={() => run({ kind: "send-now" })}>
          Send now
        </Button>
        <Button
          type="button"
          variant="destructive-outline"
          disabled={pending}
          onClick={() => setAsking(true)}
        >
          Cancel scheduled message
        </Button>
      </div>
      <div ref={outcomeRef}>
        {answer && (
          <p
            role={answer.ok ? "status" : "alert"}
            className={answer.ok ? "text-sm" : "text-sm text-destructive"}
          >
            {answer.message}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        title="Cancel this scheduled message?"
        confirmLabel="Yes, cancel it"
        safeLabel="Keep it scheduled"
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          run({ kind: "cancel" });
        }}
      >
        It will not be sent. The history keeps it as cancelled; Send again makes a new message of it.
      </ConfirmDialog>
    </div>
  );
}
