import type * as React from "react";
import { cn } from "@/lib/utils";

/** A plain label (Radix's adds only a guard against selecting text on double click, which `select-none` covers). */
export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return (
    <label
      data-slot="label"
      className={cn("text-sm font-medium leading-none select-none peer-disabled:opacity-50", className)}
      {...props}
    />
  );
}
