"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/shell/error-panel";

export default function HistoryError(props: ErrorBoundaryProps) {
  return (
    <ErrorPanel title="The history could not be shown" {...props}>
      Bellhop could not read the history just now. Sends and their statuses are still recorded on the server;
      try again in a moment.
    </ErrorPanel>
  );
}
