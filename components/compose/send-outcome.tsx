"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SendResult } from "@/lib/messages/send-result";

function CopyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? "Copied" : "Copy uuid"}
    </Button>
  );
}

/** Announces how the last send ended: a `status` for success, an `alert` for anything else. */
export function SendOutcome({ result, onSendAnyway }: { result: SendResult; onSendAnyway: () => void }) {
  switch (result.kind) {
    case "enqueued":
      return (
        <Alert role="status" variant="success">
          <AlertTitle>Message enqueued</AlertTitle>
          <p>
            Callbell accepted the message
            {result.contactName ? ` for ${result.contactName}` : ""}. Uuid:{" "}
            <code className="font-mono" data-testid="sent-uuid">
              {result.uuid}
            </code>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <CopyButton value={result.uuid} />
            <Link href="/history" className="text-sm underline">
              See it in the history
            </Link>
          </div>
        </Alert>
      );
    case "rejected":
      return (
        <Alert role="alert" variant="destructive">
          <AlertTitle>Not sent</AlertTitle>
          <p>{result.message}</p>
          <p className="text-xs">Your message is kept in the form: correct it and send again.</p>
        </Alert>
      );
    case "invalid":
      return (
        <Alert role="alert" variant="destructive">
          <AlertTitle>Not sent</AlertTitle>
          <p>{result.message}</p>
        </Alert>
      );
    case "unknown":
      return (
        <Alert role="alert" variant="warning">
          <AlertTitle>The outcome is unknown</AlertTitle>
          <p>{result.message}</p>
          <p className="text-xs">
            Pressing Send message again will not send a second copy. If you have checked that the customer did
            not get it, you can send it anyway.
          </p>
          <div>
            <Button type="button" variant="outline" size="sm" onClick={onSendAnyway}>
              Send anyway
            </Button>
          </div>
        </Alert>
      );
  }
}
