"use client";

import * as React from "react";
import { Button } from "@/components/ui/button";

/** The Clipboard API exists only in secure contexts; over plain http the old selection copy still works. */
async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

/**
 * A button that copies a value. Its name never changes (automation finds it by name); the result is announced
 * beside it.
 */
export function CopyButton({
  value,
  children,
  ...props
}: { value: string } & Omit<React.ComponentProps<typeof Button>, "onClick" | "value">) {
  const [state, setState] = React.useState<"idle" | "copied" | "failed">("idle");
  React.useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="outline"
        size="sm"
        {...props}
        onClick={async () => setState((await copyText(value)) ? "copied" : "failed")}
      >
        {children}
      </Button>
      <span aria-live="polite" className="text-xs text-muted-foreground">
        {state === "copied" ? "Copied" : state === "failed" ? "Copying failed: select the text instead" : ""}
      </span>
    </span>
  );
}
