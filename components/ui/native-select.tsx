import type * as React from "react";
import { cn } from "@/lib/utils";
import { inputClassName } from "./input";

/** A styled native select: a real combobox for assistive technology and for `getByLabel` in people's tests. */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select data-slot="native-select" className={cn(inputClassName, "h-9 pr-8", className)} {...props} />
  );
}
