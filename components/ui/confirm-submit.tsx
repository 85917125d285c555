"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * A form's submit button that asks first (ConfirmDialog): the form is sent only on the confirm button, so a server
 * action behind it stays as it is.
 */
export function ConfirmSubmit({
  label,
  children,
  title,
  description,
  confirmLabel,
  safeLabel,
}: {
  /** The button's accessible name. */
  label: string;
  children: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  safeLabel: string;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        ref={button}
        type="submit"
        variant="outline"
        size="sm"
        aria-label={label}
        onClick={(event) => {
          event.preventDefault();
          setAsking(true);
        }}
      >
        {children}
      </Button>
      <ConfirmDialog
        open={asking}
        title={title}
        confirmLabel={confirmLabel}
        safeLabel={safeLabel}
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          button.current?.form?.requestSubmit();
        }}
      >
        {description}
      </ConfirmDialog>
    </>
  );
}
