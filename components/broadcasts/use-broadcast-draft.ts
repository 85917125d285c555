"use client";

import { useEffect, useRef, useState } from "react";
import type { BroadcastForm, BroadcastFormValues } from "./use-broadcast-form";
import type { BroadcastTiming, BroadcastTimingState } from "./use-broadcast-timing";

const BROADCAST_DRAFT_KEY = "bellhop:broadcast-draft";
const SAVE_DELAY_MS = 250;
/** A list longer than this (in characters) is not kept: the browser's storage holds about 5 MB for the whole site. */
const DRAFT_LIST_MAX_CHARS = 1_500_000;

/** What is kept: the fields but the count typed to confirm (asked again), the timing, and the list's text. */
type Draft = {
  owner: string;
  values: Omit<BroadcastFormValues, "typedCount" | "pasted">;
  timing: BroadcastTiming;
  /** The rows as pasted, or the chosen file's text (then `fileName`). */
  list: string;
  fileName: string | null;
};

function readDraft(owner: string): Draft | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(BROADCAST_DRAFT_KEY) ?? "null") as Draft | null;
    return stored?.owner === owner && typeof stored.values === "object" ? stored : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the wizard in the browser as the agent works, so a reload loses nothing (as Compose's draft does): the
 * template, channel, pace, media link, opt-in, start time and hours, and the list (the pasted rows, or the chosen
 * file's text, which comes back in the paste box and is read again). The draft belongs to the person who made it
 * (sign-out removes it); a list given with the page (failed rows, a follow-up) takes its place. `ready` is false until
 * the draft is restored: the wizard's fields stay disabled till then, so nothing typed first is overwritten.
 */
export function useBroadcastDraft({
  owner,
  form,
  timing,
  file,
  readList,
  skip,
}: {
  owner: string;
  form: BroadcastForm;
  timing: BroadcastTimingState;
  file: File | null;
  /** Puts a restored list in the paste box and reads it. */
  readList: (text: string, fileName: string | null) => void;
  /** The page brought its own list: nothing is restored. */
  skip: boolean;
}) {
  const [ready, setReady] = useState(false);
  const restore = useRef({ form, timing, readList, skip });
  /** Set once the broadcast is started: its draft is gone, and a save still on its way must not bring it back. */
  const done = useRef(false);
  useEffect(() => {
    const { form, timing, readList, skip } = restore.current;
    const draft = skip ? null : readDraft(owner);
    if (draft) {
      for (const [name, value] of Object.entries(draft.values))
        form.set(name as keyof BroadcastFormValues, value as never);
      timing.update(draft.timing);
      if (draft.list) readList(draft.list, draft.fileName);
    }
    // Mount-time sync with browser storage, which the server render cannot see.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReady(true);
  }, [owner]);

  const { values } = form;
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const list = file ? await file.text().catch(() => "") : values.pasted;
      if (cancelled || done.current) return;
      const { templateUuid, channelUuid, rate, fixedMediaUrl, optin } = values;
      const draft: Draft = {
        owner,
        values: { templateUuid, channelUuid, rate, fixedMediaUrl, optin },
        timing: timing.timing,
        list: list.length <= DRAFT_LIST_MAX_CHARS ? list : "",
        fileName: file?.name ?? null,
      };
      try {
        window.localStorage.setItem(BROADCAST_DRAFT_KEY, JSON.stringify(draft));
      } catch {
        // Quota or privacy settings: keep working without a draft.
      }
    }, SAVE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [ready, owner, values, timing.timing, file]);
  return {
    ready,
    /** The broadcast started: its draft is forgotten. */
    forget: () => {
      done.current = true;
      try {
        window.localStorage.removeItem(BROADCAST_DRAFT_KEY);
      } catch {
        // Storage may be unavailable (private mode): nothing was kept.
      }
    },
  };
}
