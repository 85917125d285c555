"use client";

import { useRef } from "react";
import type { FieldValues, FormState } from "react-hook-form";

/** The form state shown, and whether the form state has changed since the first render. */
export type SettledFormState<S> = { shown: S; changed: boolean };

/**
 * The next form state to render with. The first change, if it is react-hook-form marking the form ready, keeps the
 * state shown (the same values but `isReady`); every other change is taken as it comes.
 */
export function settleFormState<S extends { isReady: boolean }>(
  seen: SettledFormState<S> | null,
  next: S,
): SettledFormState<S> {
  if (!seen) return { shown: next, changed: false };
  if (next === seen.shown) return seen;
  if (!seen.changed && next.isReady && !seen.shown.isReady) return { shown: seen.shown, changed: true };
  return { shown: next, changed: true };
}

/**
 * The form state to render with. react-hook-form marks a form ready in a layout effect just after it mounts, a new
 * form state that rendered the whole form again, synchronously, in the task that hydrates it: on a phone, the longest
 * task of Compose (docs/development.md#what-moved-the-figures). Nothing on screen reads `isReady`, so that one update
 * keeps the first render's form state; every later one is passed on as it comes.
 */
export function useSettledFormState<T extends FieldValues>(formState: FormState<T>): FormState<T> {
  const seen = useRef<SettledFormState<FormState<T>> | null>(null);
  /* eslint-disable react-hooks/refs -- a record of the form states seen; a repeated render settles the same */
  seen.current = settleFormState(seen.current, formState);
  return seen.current.shown;
  /* eslint-enable react-hooks/refs */
}
