import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * The toggle of a disclosure (WAI-ARIA): a full-width button whose name is its text alone, a chevron that turns
 * when open, and `aria-expanded` / `aria-controls` tying it to the part it shows.
 */
export function DisclosureButton({
  open,
  controls,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"button">, "type" | "aria-expanded" | "aria-controls"> & {
  open: boolean;
  /** The id of the element shown and hidden. */
  controls: string;
}) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      className={cn(
        "flex w-full items-center justify-between gap-2 rounded-md px-3 py-2 text-left text-sm font-medium transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        className,
      )}
      {...props}
    >
      {children}
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
        className={cn("size-4 shrink-0 text-muted-foreground transition-transform", open && "rotate-180")}
      >
        <path d="M4 6l4 4 4-4" />
      </svg>
    </button>
  );
}
