import type * as React from "react";
import { cn } from "@/lib/utils";
import { inputBaseClassName } from "./input";

/** `mono`: small monospaced text, for pasted data. */
export function Textarea({
  className,
  mono = false,
  ...props
}: React.ComponentProps<"textarea"> & { mono?: boolean }) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(
        inputBaseClassName,
        mono ? "font-mono text-xs" : "text-sm",
        "min-h-28 resize-y",
        className,
      )}
      {...props}
    />
  );
}
