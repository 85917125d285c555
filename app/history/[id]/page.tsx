import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleControls } from "@/components/history/schedule-controls";
import { zonedMoment } from "@/lib/format/date";
import { prettyJson } from "@/lib/format/pretty-json";
import { closingStep } from "@/lib/history/closing-step";
import { changeScheduleAction } from "./actions";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/history/auto-refresh";
import { StatusBadge } from "@/components/history/status-badge";
import { MessageBubble } from "@/components/compose/message-bubble";
import { buttonClassName } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Moment } from "@/components/ui/moment";
import { requireUser } from "@/lib/auth/session";
import { conversationHrefOf } from "@/lib/callbell/send-response";
import { cachedContactLookup } from "@/lib/contacts/cached-lookup";
import { getDb } from "@/lib/db/client";
import { sendStatusLabel } from "@/lib/db/constants";
import { findSendById } from "@/lib/db/send-queries";
import { listStatusEvents } from "@/lib/db/status-event-queries";
import { POLLED_STATUSES } from "@/lib/delivery/status-rule";
import { sentMessagePreview } from "@/lib/history/sent-preview";
import { loadTemplates } from "@/lib/messages/account-data";
import { messageTypeLabel, platformLabel } from "@/lib/messages/options";
import { contactKey, recipientKind, recipientProblem } from "@/lib/messages/recipient";
import { readAttemptLog } from "@/lib/messages/send-attempts";
import { readSentTemplateValues } from "@/lib/messages/template-values";
import { parseId } from "@/lib/utils";
import { SendReplies } from "@/components/history/send-replies";
import { listRepliesOfSend } from "@/lib/db/reply-queries";
import { repliesKnown } from "@/lib/replies/replies-known";
import { watchesForReply } from "@/lib/replies/reply-watch";

export const metadata: Metadata = { title: "Send" };

/** How far the message got, as WhatsApp marks it under the bubble. */
const TICKS: Record<string, string> = {
  sent: "✓",
  delivered: "✓✓",
  read: "✓✓ read",
  failed: "not delivered",
};

/** Raw JSON as the page shows it (indented when that is safe: `prettyJson`). */
const pretty = prettyJson;

export default async function SendDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: idParam } = await params;
  await requireUser(`/history/${encodeURIComponent(idParam)}`);
  const id = parseId(idParam);
  if (!id) notFound();
  const db = await getDb();
  const send = await findSendById(db, id);
  if (!send) notFound();
  const events = send.callbellUuid ? await listStatusEvents(db, send.callbellUuid) : [];
  const replies = await listRepliesOfSend(db, send.id);
  const lookup =
    send.platform === "whatsapp" && !recipientProblem("whatsapp", send.recipient)
      ? await cachedContactLookup(contactKey(send.recipient), send.channelUuid ?? undefined)
      : null;
  const contact = lookup?.kind === "found" ? lookup.contact : null;
  const conversationHref = contact?.conversationHref ?? conversationHrefOf(send.responseBody);
  const variables = readSentTemplateValues(send).join(" | ");
  const platform = platformLabel(send.platform);
  const earlierAttempts = readAttemptLog(send.attemptLog);
  const closing = closingStep(send);
  const templates = send.templateUuid ? await loadTemplates().catch(() => null) : null;
  const preview = sentMessagePreview(
    send,
    templates?.find((t) => t.uuid === send.templateUuid),
  );

  return (
    <div className="grid max-w-4xl grid-cols-1 gap-6">
      {/* Only WhatsApp sends move past enqueued: the others have nothing to wait for. */}
      {(send.status === "sending" ||
        send.status === "scheduled" ||
        (send.platform === "whatsapp" && POLLED_STATUSES.some((status) => status === send.status))) && (
        <AutoRefresh />
      )}
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <p className="text-sm">
            <Link href="/history" className="underline max-lg:inline-block max-lg:py-1.5">
              History
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">
            {messageTypeLabel(send.messageType)} to{" "}
            {recipientKind(send.platform, send.recipient) === "bsuid" && "BSUID "}
            <span className="font-mono">{send.recipient}</span>
          </h1>
        </div>
        <Link href={`/compose?again=${send.id}`} className={buttonClassName({ className: "ml-auto" })}>
          Send again
        </Link>
      </div>

      {send.status === "scheduled" && send.scheduledFor && (
        <section aria-labelledby="schedule-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
          <h2 id="schedule-heading" className="font-medium">
            Scheduled
          </h2>
          <p data-testid="scheduled-for">
            Goes out {zonedMoment(send.scheduledFor, send.scheduledZone ?? "UTC")}. It is checked again then;
            until then it can be moved, sent now or cancelled.
          </p>
          <ScheduleControls
            id={send.id}
            scheduledFor={send.scheduledFor.toISOString()}
            zone={send.scheduledZone ?? "UTC"}
            action={changeScheduleAction}
          />
        </section>
      )}

      <section aria-labelledby="message-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
        <h2 id="message-heading" className="font-medium">
          Message as the customer sees it
        </h2>
        <div className="max-w-md">
          <MessageBubble
            preview={preview}
            emptyText="This send's message cannot be read back."
            footer={
              <>
                <Moment iso={send.createdAt.toISOString()} plain /> {TICKS[send.status] ?? ""}
              </>
            }
          />
        </div>
      </section>

      <SendReplies replies={replies} known={repliesKnown()} watch={watchesForReply(send)} />

      <section aria-labelledby="summary-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
        <h2 id="summary-heading" className="font-medium">
          Summary
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="text-muted-foreground">Status</dt>
          <dd>
            <StatusBadge status={send.status} platform={send.platform} />
            {(send.statusReason ?? send.errorMessage) && (
              <span className="ml-2">{send.statusReason ?? send.errorMessage}</span>
            )}
          </dd>
          <dt className="text-muted-foreground">{send.scheduledFor ? "Scheduled" : "Sent"}</dt>
          <dd>
            <Moment iso={send.createdAt.toISOString()} />
            {send.senderEmail ? ` by ${send.senderEmail}` : ""}
          </dd>
          {send.scheduledFor && send.status !== "scheduled" && (
            <>
              <dt className="text-muted-foreground">Due</dt>
              <dd data-testid="scheduled-due">
                {zonedMoment(send.scheduledFor, send.scheduledZone ?? "UTC")} (sent later)
              </dd>
            </>
          )}
          {send.broadcastId && (
            <>
              <dt className="text-muted-foreground">Broadcast</dt>
              <dd>
                <Link href={`/broadcasts/${send.broadcastId}`} className="underline">
                  Broadcast {send.broadcastId}
                </Link>
              </dd>
            </>
          )}
          <dt className="text-muted-foreground">Platform</dt>
          <dd>{platform}</dd>
          {send.templateUuid && (
            <>
              <dt className="text-muted-foreground">Template</dt>
              <dd>
                {send.templateTitle ?? send.templateUuid}
                {variables && <span className="text-muted-foreground"> · values: {variables}</span>}
              </dd>
            </>
          )}
          <dt className="text-muted-foreground">Callbell uuid</dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-2">
            {/* 32 characters are wider than a phone's column: the uuid breaks anywhere rather than overflow. */}
            <span className="min-w-0 font-mono break-all">{send.callbellUuid ?? "—"}</span>
            {send.callbellUuid && (
              <CopyButton
                value={send.callbellUuid}
                variant="ghost"
                className="h-7 px-2"
                aria-label="Copy uuid"
              >
                Copy
              </CopyButton>
            )}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="timeline-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
        <h2 id="timeline-heading" className="font-medium">
          Status timeline
        </h2>
        <ol aria-label="Status timeline" className="grid gap-2">
          <li>
            <span className="font-medium">recorded</span> ·{" "}
            <Moment iso={send.createdAt.toISOString()} plain /> · before it left Bellhop
          </li>
          {earlierAttempts.map((attempt, index) => (
            <li key={attempt.at} data-attempt={index + 1}>
              <span className="font-medium">attempt {index + 1}</span> · {sendStatusLabel(attempt.status)}
              {attempt.errorStatus ? ` (HTTP ${attempt.errorStatus})` : ""} ·{" "}
              <Moment iso={new Date(attempt.at).toISOString()} />
              {attempt.message ? ` · ${attempt.message}` : ""}
            </li>
          ))}
          {send.status !== "sending" && (
            <li>
              {send.attempts > 1 && <span className="font-medium">attempt {send.attempts} · </span>}
              <span className="font-medium">{closing.label}</span> · {closing.words}
            </li>
          )}
          {events.map((event) => (
            <li key={event.id} data-status={event.status}>
              <span className="font-medium">{event.status}</span> ·{" "}
              <Moment iso={event.receivedAt.toISOString()} /> · by {event.source}
              {!event.applied && (
                <span className="text-muted-foreground"> (late or repeated: no change)</span>
              )}
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-muted-foreground max-lg:py-1.5">
                  Raw event
                </summary>
                <pre className="mt-1 overflow-x-auto rounded bg-muted p-2 text-xs">
                  {pretty(event.payload)}
                </pre>
              </details>
            </li>
          ))}
        </ol>
        {events.length === 0 && send.callbellUuid && (
          <p className="text-muted-foreground">
            {send.platform === "whatsapp"
              ? "No delivery status from Callbell yet."
              : `None will come: Callbell reports delivery statuses for WhatsApp only.`}
          </p>
        )}
      </section>

      <section aria-labelledby="contact-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
        <h2 id="contact-heading" className="font-medium">
          Contact
        </h2>
        {contact ? (
          <p>
            {[contact.name || "Unnamed contact", contact.phone, contact.bsuid && `BSUID ${contact.bsuid}`]
              .filter(Boolean)
              .join(" · ")}
            {contact.tags.length > 0 && ` · ${contact.tags.join(", ")}`}
            {contact.assignedUser && ` · assigned to ${contact.assignedUser}`}
          </p>
        ) : (
          <p className="text-muted-foreground">
            {send.contactName
              ? send.contactName
              : lookup?.kind === "failed"
                ? `The contact could not be read from Callbell: ${lookup.message}`
                : "Callbell has no contact for this recipient, or this platform has no lookup."}
          </p>
        )}
        {conversationHref && (
          <p>
            <a href={conversationHref} target="_blank" rel="noreferrer" className="underline">
              Open the conversation in Callbell
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="request-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
        <h2 id="request-heading" className="font-medium">
          {send.status === "scheduled"
            ? "Request to send to Callbell (built again when it goes)"
            : "Request sent to Callbell"}
        </h2>
        <pre className="overflow-x-auto rounded bg-muted p-3 text-xs max-sm:break-all max-sm:whitespace-pre-wrap">
          <code>{pretty(send.requestBody)}</code>
        </pre>
      </section>

      <section aria-labelledby="response-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
        <h2 id="response-heading" className="font-medium">
          Callbell&apos;s answer
        </h2>
        {send.errorMessage && <p role="note">{send.errorMessage}</p>}
        {send.responseBody ? (
          <pre className="overflow-x-auto rounded bg-muted p-3 text-xs max-sm:break-all max-sm:whitespace-pre-wrap">
            <code>{pretty(send.responseBody)}</code>
          </pre>
        ) : (
          !send.errorMessage && <p className="text-muted-foreground">No answer yet.</p>
        )}
      </section>
    </div>
  );
}
