import type * as React from "react";
import { cn } from "@/lib/utils";
import { inputClassName } from "./input";

/**
 * The one select of Bellhop (issue 21): a styled native select, a real combobox for assistive technology and for
 * `getByLabel` in people's tests. The browser's own arrow is replaced by a drawn chevron (a background image, so no
 * wrapper changes the layout), lighter on a dark page; it is as tall as an input.
 */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        inputClassName,
        "h-9 cursor-pointer appearance-none bg-[length:1rem] bg-[position:right_0.625rem_center] bg-no-repeat pr-8",
        "bg-[url(data:image/svg+xml,%3Csvg%20xmlns=%22http%3A//www.w3.org/2000/svg%22%20viewBox=%220%200%2016%2016%22%20fill=%22none%22%20stroke=%22%2371717a%22%20stroke-width=%221.5%22%20stroke-linecap=%22round%22%20stroke-linejoin=%22round%22%3E%3Cpath%20d=%22m4%206%204%204%204-4%22/%3E%3C/svg%3E)]",
        "dark:bg-[url(data:image/svg+xml,%3Csvg%20xmlns=%22http%3A//www.w3.org/2000/svg%22%20viewBox=%220%200%2016%2016%22%20fill=%22none%22%20stroke=%22%23a1a1aa%22%20stroke-width=%221.5%22%20stroke-linecap=%22round%22%20stroke-linejoin=%22round%22%3E%3Cpath%20d=%22m4%206%204%204%204-4%22/%3E%3C/svg%3E)]",
        className,
      )}
      {...props}
    />
  );
}
