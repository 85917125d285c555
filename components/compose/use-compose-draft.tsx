"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { restoreComposeForm, type ComposeFormValues } from "@/lib/messages/compose-form";

export const DRAFT_STORAGE_KEY = "bellhop:compose-draft";
const SAVE_DELAY_MS = 250;

/**
 * The draft belongs to the person who typed it: it is stored with their user id, and another person signing in on the
 * same browser never sees it (sign-out also removes it: components/shell/sign-out-form.tsx).
 */
function readDraft(owner: string): ComposeFormValues | null {
  try {
    const raw = window.localStorage.getItem(DRAFT_STORAGE_KEY);
    if (!raw) return null;
    const stored: unknown = JSON.parse(raw);
    if (typeof stored !== "object" || stored === null || !("owner" in stored) || stored.owner !== owner)
      return null;
    // Fields added since the draft was saved take their empty value, so an upgrade does not drop the draft.
    return "values" in stored ? restoreComposeForm(stored.values) : null;
  } catch {
    return null;
  }
}

export function clearDraft() {
  try {
    window.localStorage.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode): the draft simply is not kept.
  }
}

/**
 * Keeps the form in the browser as the agent types, so a reload or a failed send loses nothing.
 * `adapt` fits a restored draft to what the page offers now (a channel that no longer exists, say).
 * `initial` (Send again) replaces the draft once; the address loses its `?again=` so that a reload restores the
 * draft with the agent's edits rather than the original again.
 * Returns false until the draft is restored: the form stays disabled till then, so nothing typed before
 * hydration is silently overwritten (and automated runs wait for it).
 */
function useComposeDraft(
  form: UseFormReturn<ComposeFormValues>,
  owner: string,
  adapt: (draft: ComposeFormValues) => ComposeFormValues,
  initial: ComposeFormValues | null = null,
) {
  const adaptRef = useRef(adapt);
  const initialRef = useRef(initial);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const draft = initialRef.current ?? readDraft(owner);
    if (initialRef.current) window.history.replaceState(null, "", window.location.pathname);
    if (draft) form.reset(adaptRef.current(draft), { keepDefaultValues: true });
    // Mount-time sync with browser storage, which the server render cannot see.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReady(true);

    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = form.watch((values) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          window.localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ owner, values }));
        } catch {
          // Quota or privacy settings: keep working without a draft.
        }
      }, SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [form, owner]);
  return ready;
}

/**
 * The form's fields, disabled until the draft is restored (see useComposeDraft). Its own component, so that
 * enabling the fields after hydration renders this fieldset again and not the whole form inside it.
 */
export function DraftFieldset({
  form,
  owner,
  adapt,
  initial,
  children,
}: {
  form: UseFormReturn<ComposeFormValues>;
  owner: string;
  adapt: (draft: ComposeFormValues) => ComposeFormValues;
  initial: ComposeFormValues | null;
  children: ReactNode;
}) {
  const ready = useComposeDraft(form, owner, adapt, initial);
  return (
    <fieldset disabled={!ready} aria-busy={!ready} className="contents">
      {children}
    </fieldset>
  );
}
