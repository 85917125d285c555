"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/shell/error-panel";

export default function BroadcastsError(props: ErrorBoundaryProps) {
  return (
    <ErrorPanel title="This broadcast page could not be shown" {...props}>
      Bellhop could not show this page. Running broadcasts go on on the server whatever this page shows; try
      again to see their progress.
    </ErrorPanel>
  );
}
