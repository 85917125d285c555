"use client";

import { usePathname } from "next/navigation";
import { ErrorPanel, type ErrorBoundaryProps } from "@/components/shell/error-panel";

/**
 * What each route group's failure leaves safe. One boundary reads the group from the address: an `error.tsx` per
 * group would be one more script per group, fetched on every page whose navigation links to it (2.7 kB measured).
 */
const GROUPS: { prefix: string; title: string; text: string }[] = [
  {
    prefix: "/compose",
    title: "Compose could not be shown",
    text: "Bellhop could not show the compose form. Your draft is kept in this browser and comes back when the form does; nothing was sent by this error.",
  },
  {
    prefix: "/history",
    title: "The history could not be shown",
    text: "Bellhop could not read the history just now. Sends and their statuses are still recorded on the server; try again in a moment.",
  },
  {
    prefix: "/broadcasts",
    title: "This broadcast page could not be shown",
    text: "Bellhop could not show this page. Running broadcasts go on on the server whatever this page shows; try again to see their progress.",
  },
];

const OTHER = {
  title: "Something went wrong",
  text: "Bellhop could not show this page. Nothing was changed by this error; try again, or reload the page.",
};

export default function ErrorBoundary(props: ErrorBoundaryProps) {
  const pathname = usePathname();
  const group =
    GROUPS.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`)) ?? OTHER;
  return (
    <ErrorPanel title={group.title} {...props}>
      {group.text}
    </ErrorPanel>
  );
}
