"use client";

import { Button } from "@/components/ui/button";

/** What a route group's error boundary shows: what failed, what is safe, a reference, and a way to try again. */
export function ErrorPanel({
  title,
  children,
  error,
  reset,
}: {
  title: string;
  children: React.ReactNode;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl space-y-3 rounded-lg border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/40 p-6"
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm">{children}</p>
      {error.digest && <p className="text-xs text-muted-foreground">Reference: {error.digest}</p>}
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}

export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void };
