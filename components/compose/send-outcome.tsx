"use client";

import Link from "next/link";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { SendResult } from "@/lib/messages/send-result";

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
            <CopyButton value={result.uuid}>Copy uuid</CopyButton>
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
