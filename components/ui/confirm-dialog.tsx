"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A question before an action that cannot be undone: a native modal `<dialog>` (the browser traps the focus and makes
 * the page behind it inert). The safe choice has the focus, and Escape or a click outside means the safe choice too.
 * Name the confirm button for what it does ("Yes, cancel broadcast"), so that it is never mistaken for the button
 * that opened the dialog.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  safeLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  /** The question, also the dialog's accessible name. */
  title: string;
  /** What will happen, with the count: the dialog's description. */
  children: ReactNode;
  confirmLabel: string;
  safeLabel: string;
  onConfirm: () => void;
  /** The safe choice: the button, Escape, or a click on the backdrop. */
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      safe.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-border bg-card p-0 text-card-foreground shadow-xl backdrop:bg-[rgb(0_0_0/0.5)]"
      // Escape: the browser would close the dialog behind React's back; it is the safe choice instead.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // The dialog's own box is only its backdrop: its content fills it.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="grid gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={descriptionId} className="text-sm text-muted-foreground">
            {children}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button ref={safe} type="button" variant="outline" onClick={onClose}>
              {safeLabel}
            </Button>
            <Button type="button" variant="destructive" onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
