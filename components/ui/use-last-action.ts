"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * Whether the last form sent on this page was one of this component's: an outcome message ("Added bob…", "Bellhop
 * is live") belongs to the last action only, so any later form sent elsewhere on the page (a row's `Deactivate`,
 * another section's button) clears it. The component calls `claim` in its own forms' `onSubmit`: the page-wide
 * listener runs first (capture), the form's own handler after it, so the component's own submit wins.
 */
export function useLastAction(): { ours: boolean; claim: () => void } {
  const [ours, setOurs] = useState(false);
  useEffect(() => {
    const onAnySubmit = (event: SubmitEvent) => {
      // A dialog's own form only closes the dialog: the action, if any, is the form it confirms.
      if (event.target instanceof HTMLFormElement && event.target.method === "dialog") return;
      setOurs(false);
    };
    document.addEventListener("submit", onAnySubmit, true);
    return () => document.removeEventListener("submit", onAnySubmit, true);
  }, []);
  const claim = useCallback(() => setOurs(true), []);
  return { ours, claim };
}
