"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/shell/error-panel";

export default function ComposeError(props: ErrorBoundaryProps) {
  return (
    <ErrorPanel title="Compose could not be shown" {...props}>
      Bellhop could not show the compose form. Your draft is kept in this browser and comes back when the form
      does; nothing was sent by this error.
    </ErrorPanel>
  );
}
