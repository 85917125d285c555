"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { dismissToast, toast } from "@/components/ui/toast";
import { messageTypeLabel, platformLabel } from "@/lib/messages/options";
import { normalizeRecipient } from "@/lib/messages/recipient";
import { describeSendFailure, type FailedSend } from "@/lib/messages/send-failure";
import type { ScheduleResult, SendResult } from "@/lib/messages/send-result";
import { zonedMoment } from "@/lib/format/date";
import { useDeliveryStatus, type DeliveryStatus } from "./use-delivery-status";

/** Who a send went to and what it was, as the form held it when the agent pressed Send. */
export type SentMessage = { to: string; platform: string; type: string };
type Enqueued = Extract<SendResult, { kind: "enqueued" }>;

/**
 * "Sent to Olivia Open, +15550000100 (Text)": who and what, in the words of the form; "Not delivered to …" once
 * WhatsApp reports the message failed, so the title never contradicts the red box under it.
 */
function sentTo(result: Enqueued, sent: SentMessage, failed = false): string {
  // The number as it was sent (and as the history lists it): `0031 6…` typed is `+316…` sent.
  const to = normalizeRecipient(sent.platform, sent.to);
  const who = result.contactName ? `${result.contactName}, ${to}` : to;
  return `${failed ? "Not delivered to" : "Sent to"} ${who} (${messageTypeLabel(sent.type)})`;
}

/** Where the outcome lands, the agent's eyes and a screen reader's focus go; a toast repeats it in the corner. */
function useBringIntoView(notice: Parameters<typeof toast>[0]) {
  const box = useRef<HTMLDivElement>(null);
  const first = useRef(notice);
  useEffect(() => {
    const element = box.current;
    if (element) {
      element.focus({ preventScroll: true });
      // Centred, at once: the form above may still settle (the contact lookup after the reset) by a line or two, which
      // would push a box scrolled just into view back out of it, and cut a smooth scroll short.
      const { top, bottom } = element.getBoundingClientRect();
      if (top < 0 || bottom > window.innerHeight) element.scrollIntoView({ block: "center" });
    }
    // The toast belongs to this outcome: the next send (or leaving the page) takes it away.
    const id = toast(first.current);
    return () => dismissToast(id);
  }, []);
  return box;
}

/** The status line of an enqueued message, following it as WhatsApp reports (sent ✓, delivered ✓✓, read, failed). */
function DeliveryLine({ live, platform }: { live: DeliveryStatus; platform: string }) {
  const { status, reason } = live;
  if (status === "failed" || status === "mismatch")
    return (
      <p className="font-medium">
        Message enqueued, then {status}
        {reason ? `: ${reason}` : ""}
      </p>
    );
  if (status === "sent") return <p>Message enqueued, now sent ✓</p>;
  if (status === "delivered") return <p>Message enqueued, now delivered ✓✓</p>;
  if (status === "read")
    return (
      <p>
        Message enqueued, now read <span className="text-sky-700 dark:text-sky-300">✓✓</span>
      </p>
    );
  return (
    <p>
      Message enqueued
      <span className="text-muted-foreground">
        {platform === "whatsapp"
          ? ", waiting for WhatsApp's delivery report…"
          : `: ${platformLabel(platform)} reports no delivery status`}
      </span>
    </p>
  );
}

function EnqueuedOutcome({ result, sent }: { result: Enqueued; sent: SentMessage }) {
  const title = sentTo(result, sent);
  const historyHref = `/history?q=${encodeURIComponent(result.uuid)}`;
  const box = useBringIntoView({
    title,
    description: "Message enqueued",
    action: { label: "View in history", href: historyHref },
  });
  const live = useDeliveryStatus(result.uuid, sent.platform);
  const failed = live.status === "failed";
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      role="status"
      variant={failed ? "destructive" : "success"}
      className={FOCUS}
    >
      <AlertTitle>{sentTo(result, sent, failed)}</AlertTitle>
      <DeliveryLine live={live} platform={sent.platform} />
      <p>
        Uuid:{" "}
        <code className="font-mono break-all" data-testid="sent-uuid">
          {result.uuid}
        </code>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton value={result.uuid}>Copy uuid</CopyButton>
        <Link href={historyHref} className="text-sm underline">
          View in history
        </Link>
      </div>
    </Alert>
  );
}

const FOCUS = "outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2";

function FailedOutcome({ result, onSendAnyway }: { result: FailedSend; onSendAnyway: () => void }) {
  const words = describeSendFailure(result);
  const sendId = "sendId" in result ? result.sendId : null;
  const box = useBringIntoView({
    title: words.title,
    description: words.sentence,
    tone: result.kind === "unknown" ? "warning" : "error",
    action: sendId ? { label: "View in history", href: `/history/${sendId}` } : undefined,
    durationMs: 12_000,
  });
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      role="alert"
      variant={result.kind === "unknown" ? "warning" : "destructive"}
      className={FOCUS}
    >
      <AlertTitle>{words.title}</AlertTitle>
      <p>{words.sentence}</p>
      {words.detail && (
        <details className="text-xs">
          <summary className="cursor-pointer">Details</summary>
          <p className="mt-1 font-mono break-words">{words.detail}</p>
        </details>
      )}
      {result.kind === "unknown" && (
        <>
          <p className="text-xs">
            Pressing Send message again will not send a second copy. If you have checked that the customer did
            not get it, you can send it anyway.
          </p>
          <div>
            <Button type="button" variant="outline" size="sm" onClick={onSendAnyway}>
              Send anyway
            </Button>
          </div>
        </>
      )}
    </Alert>
  );
}

/** A message recorded for later: when it goes, in the zone it was chosen in, and where to change it. */
function ScheduledOutcome({
  result,
  sent,
}: {
  result: Extract<ScheduleResult, { kind: "scheduled" }>;
  sent: SentMessage;
}) {
  const title = `Scheduled for ${normalizeRecipient(sent.platform, sent.to)} (${messageTypeLabel(sent.type)})`;
  const when = `Goes out ${zonedMoment(new Date(result.at), result.zone)}.`;
  const href = `/history/${result.sendId}`;
  const box = useBringIntoView({ title, description: when, action: { label: "View in history", href } });
  return (
    <Alert ref={box} tabIndex={-1} role="status" variant="success" className={FOCUS}>
      <AlertTitle>{title}</AlertTitle>
      <p>{when} Until then, its Details in the history change its time, send it now or cancel it.</p>
      <div>
        <Link href={href} className="text-sm underline">
          View in history
        </Link>
      </div>
    </Alert>
  );
}

/**
 * How the last send ended: a `status` for success (with `Message enqueued` and the uuid, then the delivery status as
 * it moves), an `alert` for anything else. Brought into view and focused when it appears, and repeated as a toast.
 */
export function SendOutcome({
  result,
  sent,
  onSendAnyway,
}: {
  result: SendResult | ScheduleResult;
  sent: SentMessage;
  onSendAnyway: () => void;
}) {
  if (result.kind === "enqueued") return <EnqueuedOutcome result={result} sent={sent} />;
  if (result.kind === "scheduled") return <ScheduledOutcome result={result} sent={sent} />;
  return <FailedOutcome result={result} onSendAnyway={onSendAnyway} />;
}
