"use client";

import { useSyncExternalStore } from "react";
import { useFormState, useWatch } from "react-hook-form";
import { CopyButton } from "@/components/ui/copy-button";
import { previewSendRequest } from "@/lib/messages/build-send-request";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { curlCommand } from "@/lib/messages/curl-command";
import type { TemplateSummary } from "@/lib/messages/template";

const SANDBOX_PATH = "/api/sandbox/v1";
const subscribeNever = () => () => {};

export type RequestPreviewProps = {
  templates: TemplateSummary[] | null;
  /** Callbell's base URL, or null in sandbox mode (the simulator is mounted on this server). */
  apiUrl: string | null;
};

/** The exact body Bellhop will send, from the same builder the server action uses, and a curl command for it. */
export function RequestPreview({ templates, apiUrl }: RequestPreviewProps) {
  // Not deferred: what is on screen when Send is pressed must be what is sent.
  const values = useWatch<ComposeFormValues>() as ComposeFormValues;
  const { isValid } = useFormState<ComposeFormValues>();
  const origin = useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => "",
  );
  const body = previewSendRequest(values, templates);
  const endpoint = `${apiUrl ?? `${origin}${SANDBOX_PATH}`}/messages/send`;
  const curl = curlCommand(endpoint, body);

  return (
    <section aria-labelledby="request-preview-title" className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="request-preview-title" className="text-sm font-medium">
          Request preview
        </h2>
        <CopyButton value={curl}>Copy curl</CopyButton>
      </div>
      <p className="text-xs text-muted-foreground">
        {!isValid
          ? "Not ready to send: some fields are still empty or wrong. This is the body as it stands."
          : `POST ${endpoint}`}
      </p>
      <pre className="max-h-72 overflow-auto rounded-md border bg-muted/40 p-3 text-xs">
        <code data-testid="request-json">{JSON.stringify(body, null, 2)}</code>
      </pre>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted-foreground">curl command</summary>
        <pre className="mt-2 overflow-auto rounded-md border bg-muted/40 p-3">
          <code data-testid="request-curl">{curl}</code>
        </pre>
      </details>
    </section>
  );
}
