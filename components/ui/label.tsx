import type * as React from "react";
import { cn } from "@/lib/utils";

/** A plain label; `select-none` keeps a double click on it from selecting its text. */
export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return (
    <label
      data-slot="label"
      className={cn("text-sm font-medium leading-none select-none peer-disabled:opacity-50", className)}
      {...props}
    />
  );
}
