import { cva, type VariantProps } from "class-variance-authority";
import type * as React from "react";
import { cn } from "@/lib/utils";

const alertVariants = cva("relative w-full rounded-lg border px-4 py-3 text-sm grid gap-1", {
  variants: {
    variant: {
      default: "bg-card text-card-foreground",
      success: "border-emerald-300 bg-emerald-50 text-emerald-950",
      warning: "border-amber-300 bg-amber-50 text-amber-950",
      destructive: "border-red-300 bg-red-50 text-red-950",
    },
  },
  defaultVariants: { variant: "default" },
});

/** A callout box. Give it `role="status"` or `role="alert"` where it announces an outcome. */
export function Alert({
  className,
  variant,
  ...props
}: React.ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return <div data-slot="alert" className={cn(alertVariants({ variant }), className)} {...props} />;
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"p">) {
  return <p data-slot="alert-title" className={cn("font-semibold", className)} {...props} />;
}
