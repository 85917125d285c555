"use client";

import { Button } from "@/components/ui/button";

export default function ErrorBoundary({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="text-sm">
        Bellhop could not show this page. Your draft in the compose form is kept in this browser.
      </p>
      {error.digest && <p className="text-xs text-muted-foreground">Reference: {error.digest}</p>}
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
