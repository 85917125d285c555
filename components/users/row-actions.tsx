"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A user's row of buttons. A change re-renders the row with other buttons (Deactivate becomes Reactivate), and the
 * focus would fall to `<body>`: it goes to the button now in the place of the one pressed.
 */
export function RowActions({ stateKey, children }: { stateKey: string; children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const seen = useRef(stateKey);
  const pressed = useRef(0);
  useEffect(() => {
    if (seen.current === stateKey) return;
    seen.current = stateKey;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const buttons = container.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    buttons[Math.min(pressed.current, buttons.length - 1)]?.focus();
  }, [stateKey]);
  return (
    <div
      ref={container}
      className="flex flex-wrap gap-2"
      onFocus={(event) => {
        const buttons: Element[] = [...(container.current?.querySelectorAll("button") ?? [])];
        const index = buttons.indexOf(event.target);
        if (index >= 0) pressed.current = index;
      }}
    >
      {children}
    </div>
  );
}
