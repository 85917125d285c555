import type * as React from "react";
import { cn } from "@/lib/utils";

/** One numbered step of the broadcast wizard: a section named by its heading. */
export function WizardStep({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn("grid min-w-0 grid-cols-1 rounded-lg border p-4", className)}>
      <h2 id={id} className="font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}
