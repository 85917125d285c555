"use client";

import { useEffect, useRef } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDuration, type ConversationWindow } from "@/lib/contacts/conversation-window";
import type { ContactCard } from "@/lib/contacts/types";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { absoluteMoment } from "@/lib/format/date";
import { timeOfDay } from "@/lib/format/time-of-day";
import { controlId } from "./form-field";
import type { ContactLookupState } from "./use-contact-lookup";

/**
 * Focuses the control `id` once it is on the page: the template picker appears after the type changes (its code is
 * loaded on demand), so this watches the page for it, for 5 s at most.
 */
function focusWhenShown(id: string) {
  const now = document.getElementById(id);
  if (now) return now.focus();
  const observer = new MutationObserver(() => {
    const control = document.getElementById(id);
    if (!control) return;
    observer.disconnect();
    control.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 5_000);
}

/** The closed window's sentence, which the message type picker names as its description. */
export const CLOSED_WINDOW_SENTENCE_ID = "conversation-window-closed";

/** Who the recipient is in Callbell, and whether WhatsApp's 24-hour window lets a free-form message through. */
export function ConversationPanel({
  state,
  window,
  now,
}: {
  state: ContactLookupState;
  window: ConversationWindow | null;
  now: number | null;
}) {
  if (state.status === "none") return null;
  const windowState =
    state.status === "done" && state.result.kind === "found" && window ? window.state : "unknown";
  return (
    <section
      aria-labelledby="conversation-window-title"
      aria-busy={state.status === "loading"}
      data-window-state={windowState}
      className="grid gap-2 rounded-lg border bg-card p-3 text-sm"
    >
      <h2 id="conversation-window-title" className="text-xs font-medium text-muted-foreground uppercase">
        Conversation window
      </h2>
      {state.status === "other-platform" && (
        <Unknown because="the 24-hour window is a WhatsApp rule, so nothing is checked on this platform" />
      )}
      {state.status === "loading" && (
        <p className="text-muted-foreground">Unknown yet: looking the customer up in Callbell…</p>
      )}
      {state.status === "done" && state.result.kind === "not-found" && (
        <Unknown because="this customer is not a Callbell contact yet (a conversation with a new customer starts with a template)" />
      )}
      {state.status === "done" && state.result.kind === "failed" && (
        <Unknown because={`the contact could not be looked up (${state.result.message})`} />
      )}
      {state.status === "done" && state.result.kind === "found" && window && (
        <>
          <WindowSentence window={window} now={now} />
          <Contact contact={state.result.contact} />
        </>
      )}
    </section>
  );
}

/** Each state is said in words, lower case included: "open", "closed", "unknown". */
function Unknown({ because }: { because: string }) {
  return (
    <p>
      <strong>Unknown</strong>: the window is unknown because {because}. Nothing is blocked.
    </p>
  );
}

function WindowSentence({ window, now }: { window: ConversationWindow; now: number | null }) {
  switch (window.state) {
    case "open":
      return (
        <p>
          <strong className="text-emerald-800 dark:text-emerald-300">Open</strong>: the 24-hour window is open
          {now !== null &&
            `, ${formatDuration(Date.parse(window.closesAt) - now)} left (until ${timeOfDay(window.closesAt, now)})`}
          . Any message type can be sent.
        </p>
      );
    case "closed":
      return <ClosedSentence window={window} now={now} />;
    case "unknown":
      return <Unknown because={window.reason} />;
  }
}

/**
 * The one place that says the window is closed (the type picker points here): with a free-form type chosen, the way
 * out is next to it, and a send refused for it turns the sentence into the error and puts the focus on that way out.
 */
function ClosedSentence({
  window,
  now,
}: {
  window: Extract<ConversationWindow, { state: "closed" }>;
  now: number | null;
}) {
  const { setValue, clearErrors } = useFormContext<ComposeFormValues>();
  const type = useWatch<ComposeFormValues, "type">({ name: "type" });
  const { errors, submitCount } = useFormState<ComposeFormValues>({ name: "type" });
  const refused = errors.type?.type === "window";
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refused) button.current?.focus();
  }, [refused, submitCount]);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <p id={CLOSED_WINDOW_SENTENCE_ID} className={refused ? "font-medium text-destructive" : undefined}>
        <strong className="text-amber-800 dark:text-amber-300">Closed</strong>: the 24-hour window is closed
        {window.closedAt
          ? ` since ${now === null ? absoluteMoment(new Date(window.closedAt)) : timeOfDay(window.closedAt, now)}, 24 hours after the customer last wrote.`
          : ": the customer has never written to this number."}{" "}
        Only a template can be sent.
      </p>
      {type !== "template" && (
        <Button
          ref={button}
          type="button"
          size="sm"
          variant="outline"
          onClick={() => {
            setValue("type", "template", { shouldDirty: true });
            clearErrors("type");
            focusWhenShown(controlId("templateUuid"));
          }}
        >
          Use a template
        </Button>
      )}
    </div>
  );
}

function Contact({ contact }: { contact: ContactCard }) {
  return (
    <div className="grid gap-1 border-t pt-2">
      <p>
        <span className="font-medium">{contact.name || "Unnamed contact"}</span>{" "}
        <span className="text-muted-foreground">{contact.phone}</span>
      </p>
      {contact.bsuid && <p className="text-muted-foreground">BSUID {contact.bsuid}</p>}
      {contact.tags.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap gap-1">
          {contact.tags.map((tag) => (
            <li key={tag}>
              <Badge variant="secondary">{tag}</Badge>
            </li>
          ))}
        </ul>
      )}
      <p className="text-muted-foreground">
        {contact.assignedUser ? `Assigned to ${contact.assignedUser}` : "Not assigned to an agent"}
      </p>
      {contact.conversationHref && (
        <a href={contact.conversationHref} target="_blank" rel="noopener noreferrer" className="underline">
          Open the conversation in Callbell
        </a>
      )}
    </div>
  );
}
