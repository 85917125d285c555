"use client";

import { usePathname } from "next/navigation";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/shell/error-panel";

/**
 * What each route group's failure leaves safe. One boundary reads the group from the address: an `error.tsx` per
 * group would be one more script per group, fetched on every page whose navigation links to it.
 */
const SAFE: [prefix: string, text: string][] = [
  ["/compose", "Your draft is kept in this browser, and nothing was sent by this error."],
  ["/history", "Every send and its status is still recorded; try again in a moment."],
  ["/broadcasts", "Running broadcasts go on on the server; try again to see their progress."],
];

export default function ErrorBoundary(props: ErrorBoundaryProps) {
  const pathname = usePathname();
  const safe = SAFE.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1];
  return (
    <ErrorPanel title="Something went wrong" {...props}>
      Bellhop could not show this page.{" "}
      {safe ?? "Nothing was changed by this error; try again, or reload the page."}
    </ErrorPanel>
  );
}
