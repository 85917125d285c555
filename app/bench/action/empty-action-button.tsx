"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Calls the empty action and counts its answers, for the send bench. */
export function EmptyActionButton({ action }: { action: () => Promise<{ ok: boolean }> }) {
  const [answers, setAnswers] = useState(0);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3">
      <Button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          try {
            if ((await action()).ok) setAnswers((count) => count + 1);
          } finally {
            setPending(false);
          }
        }}
      >
        Run the empty action
      </Button>
      <output aria-label="Answers" data-testid="empty-action-answers">
        {answers}
      </output>
    </div>
  );
}
