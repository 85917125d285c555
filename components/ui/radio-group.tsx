"use client";

import { useRef } from "react";
import type * as React from "react";
import { cn } from "@/lib/utils";

export type RadioSegment = { value: string; label: React.ReactNode; disabled?: boolean };

/**
 * A WAI-ARIA radio group drawn as a segmented switcher (written here rather than taken from a component library, which
 * weighed on the compose page: docs/development.md#what-moved-the-figures). Each radio is a button whose name comes
 * from its content, not from a label, so `getByLabel` with the same words finds only the field of that name (the
 * `Template` radio and the `Template` combobox, say). Tab reaches the checked radio; the arrow keys move to the next
 * enabled one and check it, as in a native group.
 */
export function SegmentedRadioGroup({
  value,
  onValueChange,
  onBlur,
  segments,
  className,
  ...props
}: Omit<React.ComponentProps<"div">, "onChange" | "onBlur"> & {
  value: string;
  /** Called when focus leaves a radio (react-hook-form's `onBlur`). */
  onBlur?: () => void;
  onValueChange: (value: string) => void;
  segments: RadioSegment[];
}) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const enabled = segments.filter((segment) => !segment.disabled);
  const focusable = enabled.some((segment) => segment.value === value) ? value : enabled[0]?.value;

  const move = (from: string, step: number) => {
    const index = enabled.findIndex((segment) => segment.value === from);
    const next = enabled[(index + step + enabled.length) % enabled.length];
    if (!next) return;
    onValueChange(next.value);
    buttons.current.get(next.value)?.focus();
  };

  return (
    <div role="radiogroup" className={cn("flex", className)} {...props}>
      {segments.map((segment) => {
        const checked = segment.value === value;
        return (
          <button
            key={segment.value}
            ref={(element) => {
              if (element) buttons.current.set(segment.value, element);
              else buttons.current.delete(segment.value);
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            data-state={checked ? "checked" : "unchecked"}
            disabled={segment.disabled}
            tabIndex={segment.value === focusable ? 0 : -1}
            onClick={() => onValueChange(segment.value)}
            onBlur={onBlur}
            onKeyDown={(event) => {
              const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
              if (step === undefined) return;
              event.preventDefault();
              move(segment.value, step);
            }}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50",
              checked ? "bg-background text-foreground shadow-sm" : "text-muted-foreground",
            )}
          >
            {segment.label}
          </button>
        );
      })}
    </div>
  );
}
