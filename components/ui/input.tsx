import type * as React from "react";
import { cn } from "@/lib/utils";

/** Every text control but its font size (`cn` does not merge conflicting classes: each control sets its own). */
export const inputBaseClassName =
  "flex w-full rounded-md border border-input bg-background px-3 py-1.5 shadow-xs transition-colors placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive aria-invalid:ring-destructive/30";
export const inputClassName = `${inputBaseClassName} text-sm`;

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input data-slot="input" className={cn(inputClassName, "h-9", className)} {...props} />;
}
