"use client";

import dynamic from "next/dynamic";
import { Suspense } from "react";
import { DisclosureButton } from "@/components/ui/disclosure-button";
import { useRememberedOpen } from "@/components/ui/use-remembered-open";
import type { RequestPreviewProps } from "./request-body-preview";

/** Loaded when first opened: most agents never do, and the page ships less to them. */
const RequestPreview = dynamic(
  () => import("./request-body-preview").then((module) => module.RequestPreview),
  {
    loading: () => <p className="text-xs text-muted-foreground">Loading the request…</p>,
  },
);

/**
 * The `Request` disclosure: the request preview is for developers, so it stays closed until asked for, and each
 * signed-in user's choice is remembered in their browser.
 */
export function RequestDisclosure({ userId, ...props }: RequestPreviewProps & { userId: string }) {
  const [open, setOpen] = useRememberedOpen(`bellhop:request-open:${userId}`);
  return (
    <div className="grid gap-2 border-t pt-3">
      <DisclosureButton open={open} controls="compose-request" onClick={() => setOpen(!open)}>
        Request
      </DisclosureButton>
      {/* Closed, nothing is built: the body and curl command follow every keystroke only while someone looks. */}
      <div id="compose-request">
        <Suspense fallback={<p className="text-xs text-muted-foreground">Loading the request…</p>}>
          {open && <RequestPreview {...props} />}
        </Suspense>
      </div>
    </div>
  );
}
