"use client";

import dynamic from "next/dynamic";
import { Suspense, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import type { SendLaterChoice } from "./send-later-panel";

/** `Send later`'s date, time and zone: loaded when first opened. */
const SendLaterPanel = dynamic(() => import("./send-later-panel").then((module) => module.SendLaterPanel));

/** `Send message`, `Send later` and the keyboard hint, then Send later's panel while it is open. */
export function ComposeActions({
  sending,
  later,
  onLater,
  onSchedule,
  choiceRef,
  laterError,
  windowClosesAt,
  windowClosed,
  freeForm,
}: {
  sending: boolean;
  later: boolean;
  onLater: (open: boolean) => void;
  onSchedule: (choice: SendLaterChoice) => void;
  choiceRef: RefObject<SendLaterChoice | null>;
  laterError: string | undefined;
  windowClosesAt: string | null;
  windowClosed: boolean;
  freeForm: boolean;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" disabled={sending} aria-busy={sending}>
          Send message
        </Button>
        <Button
          type="button"
          variant="outline"
          size="lg"
          aria-expanded={later}
          aria-controls="compose-send-later"
          onClick={() => onLater(!later)}
        >
          Send later
        </Button>
        <span className="text-xs text-muted-foreground">
          {sending
            ? "Sending…"
            : later
              ? "Enter or Ctrl+Enter schedules it for the time below; Send message sends now."
              : "Ctrl+Enter or ⌘+Enter sends."}
        </span>
      </div>
      <Suspense fallback={null}>
        {later && (
          <SendLaterPanel
            onSchedule={onSchedule}
            choiceRef={choiceRef}
            pending={sending}
            error={laterError}
            windowClosesAt={windowClosesAt}
            windowClosed={windowClosed}
            freeForm={freeForm}
          />
        )}
      </Suspense>
    </>
  );
}
