"use client";

import { ErrorPanel, type ErrorBoundaryProps } from "@/components/shell/error-panel";

/** Pages without a boundary of their own (settings, users, the audit trail, sign-in). */
export default function ErrorBoundary(props: ErrorBoundaryProps) {
  return (
    <ErrorPanel title="Something went wrong" {...props}>
      Bellhop could not show this page. Nothing was changed by this error; try again, or reload the page.
    </ErrorPanel>
  );
}
