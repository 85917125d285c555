"use client";

import { useEffect, useId, useState } from "react";

/**
 * Whether the last form sent on this page was one of this component's: an outcome message ("Added bob…", "Bellhop
 * is live") belongs to the last action only, so any later form sent elsewhere on the page (a row's `Deactivate`,
 * another section's button) clears it. The component spreads `formProps` on its own forms; a submit from any other
 * form clears `ours`, one from its own sets it (without flipping it first: a button shown only while `ours` must
 * still be there when React reads the submit).
 */
export function useLastAction(): { ours: boolean; formProps: { "data-action-owner": string } } {
  const owner = useId();
  const [ours, setOurs] = useState(false);
  useEffect(() => {
    const onAnySubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      // A dialog's own form only closes the dialog: the action, if any, is the form it confirms.
      if (form.method === "dialog") return;
      setOurs(form.dataset.actionOwner === owner);
    };
    document.addEventListener("submit", onAnySubmit, true);
    return () => document.removeEventListener("submit", onAnySubmit, true);
  }, [owner]);
  return { ours, formProps: { "data-action-owner": owner } };
}
