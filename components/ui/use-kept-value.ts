"use client";

import { useEffect, useRef } from "react";

/**
 * Keeps what was typed in an uncontrolled field (a password) after its form's action answers: React resets a form
 * after an action, and a controlled field would write the value into the DOM's `value` attribute. The value lives in
 * a ref and goes back into the field's property only; `clear` (the action succeeded) empties it instead.
 */
export function useKeptValue(answer: unknown, clear: boolean) {
  const field = useRef<HTMLInputElement>(null);
  const typed = useRef("");
  const initial = useRef(answer);
  useEffect(() => {
    // Before any answer, the field is left alone (a password manager may have filled it).
    if (answer === initial.current) return;
    if (clear) typed.current = "";
    if (field.current) field.current.value = typed.current;
  }, [answer, clear]);
  const remember = () => {
    typed.current = field.current?.value ?? "";
  };
  return [field, remember] as const;
}
