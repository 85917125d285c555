"use client";

import { useEffect, useRef } from "react";

/** The first control in `root` that is marked invalid and on screen (every field sets `aria-invalid` with its error). */
export function firstInvalidControl(root: ParentNode | null): HTMLElement | undefined {
  const marked = root?.querySelectorAll<HTMLElement>("[aria-invalid='true']") ?? [];
  return [...marked].find(
    (control) => control.getClientRects().length > 0 && !control.hasAttribute("disabled"),
  );
}

/** Focuses `element`, making it focusable first when it is a message rather than a control. */
export function focusElement(element: HTMLElement) {
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.tabIndex = -1;
  element.focus();
}

/**
 * After a form's server action answers (`state`, from useActionState, is a new object each time), the focus goes where
 * the answer is: the first field it marked, else its message (`role="alert"` or `"status"` in the form). Without this
 * the focus falls to `<body>`, and a keyboard or screen-reader user is not told what happened.
 */
export function useFocusOutcome<T extends HTMLElement = HTMLFormElement>(state: unknown) {
  const formRef = useRef<T>(null);
  const initial = useRef(state);
  useEffect(() => {
    if (state === initial.current) return;
    const form = formRef.current;
    const target =
      firstInvalidControl(form) ?? form?.querySelector<HTMLElement>("[role=alert], [role=status]");
    if (target) focusElement(target);
  }, [state]);
  return formRef;
}
