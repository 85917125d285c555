import type * as React from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/** A form field: label, control, a description and an error tied to the control by id. */
export function Field({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="field" className={cn("grid gap-1.5", className)} {...props} />;
}

export function FieldLabel(props: React.ComponentProps<typeof Label>) {
  return <Label data-slot="field-label" {...props} />;
}

const DESCRIPTION_TONES = {
  muted: "text-muted-foreground",
  warning: "text-amber-800 dark:text-amber-300",
  error: "text-destructive",
} as const;

/** A field's help text; `tone` colours it (a warning, or a limit passed). */
export function FieldDescription({
  className,
  tone = "muted",
  ...props
}: React.ComponentProps<"p"> & { tone?: keyof typeof DESCRIPTION_TONES }) {
  return (
    <p
      data-slot="field-description"
      className={cn("text-xs", DESCRIPTION_TONES[tone], className)}
      {...props}
    />
  );
}

export function FieldError({ className, children, ...props }: React.ComponentProps<"p">) {
  if (!children) return null;
  return (
    <p data-slot="field-error" className={cn("text-xs font-medium text-destructive", className)} {...props}>
      {children}
    </p>
  );
}

/** The ARIA wiring that ties a control to its error and description. */
export function fieldAria(id: string, error: string | undefined, hasDescription = false) {
  const describedBy = [error ? `${id}-error` : null, hasDescription ? `${id}-description` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}
