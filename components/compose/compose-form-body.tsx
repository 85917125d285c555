"use client";

import dynamic from "next/dynamic";
import { memo, Suspense, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { FormState, UseFormReturn } from "react-hook-form";
import { channelFor, type AccountChannels } from "@/lib/messages/channels";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { followUpForm } from "@/lib/messages/follow-up";
import { newIdempotencyKey } from "@/lib/messages/idempotency";
import type { ScheduleResult, SendResult } from "@/lib/messages/send-result";
import type { ComposeFormProps, TemplateList } from "./compose-form";
import type { ComposePath } from "./form-field";
import { ConversationPanel } from "./conversation-panel";
import { MessageBodySection } from "./message-body-section";
import { MessagePreview } from "./message-preview";
import { MessageTypePicker } from "./message-type-picker";
import { OptionsSection } from "./options-section";
import { RecipientSection } from "./recipient-section";
import { RequestDisclosure } from "./request-preview";
import { ComposeActions } from "./compose-actions";
import { composeEnter } from "./compose-keys";
import { keyForSend } from "./send-key";
import type { SendLaterChoice } from "./send-later-panel";
import type { SentMessage } from "./send-outcome";
import type { TemplateSource } from "./template-section";
import { currentWindow, useContactLookup } from "./use-contact-lookup";
import { firstInvalidControl } from "@/components/ui/use-focus-outcome";
import { useNow } from "@/components/ui/use-now";
import { clearDraft, DraftFieldset } from "./use-compose-draft";

/** Shown once there is an outcome: loaded while the first send is on its way, so the page ships less. */
const loadOutcome = () => import("./send-outcome");
const SendOutcome = dynamic(() => loadOutcome().then((module) => module.SendOutcome));

/**
 * The compose form below its state: memoized, so that react-hook-form's own update just after mount (see
 * useSettledFormState) does not render all of it again. It renders again whenever the form state does otherwise.
 */
export const ComposeFormBody = memo(function ComposeFormBody({
  account,
  prefill,
  sendAction,
  scheduleAction,
  refreshTemplatesAction,
  refreshChannelsAction,
  apiUrl,
  userId,
  form,
  formState,
  channels,
  setChannels,
  templateList,
  setTemplateList,
}: ComposeFormProps & {
  form: UseFormReturn<ComposeFormValues>;
  formState: FormState<ComposeFormValues>;
  channels: AccountChannels;
  setChannels: Dispatch<SetStateAction<AccountChannels>>;
  templateList: TemplateList;
  setTemplateList: Dispatch<SetStateAction<TemplateList>>;
}) {
  const { templates } = templateList;
  const templateSource: TemplateSource = {
    ...templateList,
    refresh: async () => {
      const result = await refreshTemplatesAction();
      // A failed refresh keeps the list from the last read and says why.
      setTemplateList((current) =>
        result.ok
          ? { templates: result.templates, error: null, loadedAt: result.loadedAt }
          : { ...current, error: result.message },
      );
    },
  };
  const formRef = useRef<HTMLFormElement>(null);
  // The Send later panel's current time and zone, while it is open: Enter then schedules rather than sends.
  const laterChoice = useRef<SendLaterChoice | null>(null);
  // Counts the submits the form refused. Its fields are marked in the render that counts the submit, which may come
  // after this count's: the effect runs again then, and focuses once per refusal.
  const [refused, setRefused] = useState(0);
  const focusedFor = useRef(0);
  const { submitCount } = formState;
  useEffect(() => {
    if (refused === focusedFor.current) return;
    const control = firstInvalidControl(formRef.current);
    if (!control) return;
    focusedFor.current = refused;
    control.focus();
  }, [refused, submitCount]);
  // Cleared while a send is on its way, so that each outcome mounts anew: it comes into view, takes the focus and
  // raises its toast.
  const [lastSend, setLastSend] = useState<{ result: SendResult | ScheduleResult; sent: SentMessage } | null>(
    null,
  );
  const [later, setLater] = useState(false);
  const [laterError, setLaterError] = useState<string | undefined>(undefined);

  // A draft or an earlier send keeps its channel while its platform still offers it; else the platform's default.
  const adaptDraft = (draft: ComposeFormValues) => ({
    ...draft,
    channelUuid: channelFor(channels, draft.platform, draft.channelUuid),
    idempotencyKey: draft.idempotencyKey || newIdempotencyKey(),
  });

  const retryChannels = async () => {
    const fresh = await refreshChannelsAction().catch(() => null);
    if (!fresh) return;
    setChannels(fresh);
    const { platform, channelUuid } = form.getValues();
    form.setValue("channelUuid", channelFor(fresh, platform, channelUuid), { shouldValidate: true });
  };

  const lookup = useContactLookup(form.control);
  // The clock matters only once a contact's window is known.
  const now = useNow(lookup.status === "done" && lookup.result.kind === "found");
  const conversationWindow = currentWindow(lookup, now);
  const windowClosed = conversationWindow?.state === "closed";

  // The server's field errors on their fields (`sendAt` is Send later's own, shown in its panel).
  const markServerErrors = (fieldErrors: Record<string, string>) =>
    Object.entries(fieldErrors)
      .filter(([path]) => path !== "sendAt")
      .forEach(([path, message]) => form.setError(path as ComposePath, { type: "server", message }));

  const send = form.handleSubmit(
    async (values) => {
      setLastSend(null);
      void loadOutcome();
      if (windowClosed && values.type !== "template") {
        // Callbell would accept it and WhatsApp would drop it later: say so now.
        form.setError("type", {
          type: "window",
          message: "Outside the 24-hour window only a template can be sent",
        });
        return;
      }
      const key = keyForSend(values, newIdempotencyKey);
      if (key !== values.idempotencyKey) form.setValue("idempotencyKey", key);
      let outcome: SendResult;
      try {
        outcome = await sendAction({ ...values, idempotencyKey: key });
      } catch {
        outcome = {
          kind: "unknown",
          sendId: 0,
          message:
            "Bellhop's server did not answer. The message may or may not have gone out: check the history before sending again.",
        };
      }
      const sent = { to: values.to, platform: values.platform, type: values.type };
      setLastSend({ result: outcome, sent });

      if (outcome.kind === "enqueued") {
        clearDraft();
        form.reset(followUpForm(values, newIdempotencyKey()));
        return;
      }
      if (outcome.kind === "rejected") {
        // Callbell surely did not send it: the next attempt is a new one.
        form.setValue("idempotencyKey", newIdempotencyKey());
      }
      if (outcome.kind === "rejected" || outcome.kind === "invalid") {
        // The focus goes to the outcome, which names the field; the field itself is marked.
        markServerErrors(outcome.fieldErrors);
      }
    },
    () => {
      setLastSend(null);
      setRefused((count) => count + 1);
    },
  );

  const sendAnyway = () => {
    form.setValue("idempotencyKey", newIdempotencyKey());
    void send();
  };

  // `Schedule message`: the same checks as a send, then recorded for its time; the form is left as after a send.
  const schedule = (choice: SendLaterChoice) =>
    void form.handleSubmit(
      async (values) => {
        setLastSend(null);
        void loadOutcome();
        const key = keyForSend(values, newIdempotencyKey);
        if (key !== values.idempotencyKey) form.setValue("idempotencyKey", key);
        const outcome: ScheduleResult = await scheduleAction(
          { ...values, idempotencyKey: key },
          choice,
        ).catch(() => ({
          kind: "invalid",
          message: "Bellhop's server did not answer: nothing was scheduled.",
          fieldErrors: {},
        }));
        setLastSend({
          result: outcome,
          sent: { to: values.to, platform: values.platform, type: values.type },
        });
        setLaterError(outcome.kind === "invalid" ? outcome.fieldErrors.sendAt : undefined);
        if (outcome.kind === "scheduled") {
          clearDraft();
          setLater(false);
          form.reset(followUpForm(values, newIdempotencyKey()));
        } else if (outcome.kind === "rejected" || outcome.kind === "invalid") {
          markServerErrors(outcome.fieldErrors);
        }
      },
      () => {
        setLastSend(null);
        setRefused((count) => count + 1);
      },
    )();

  const sending = formState.isSubmitting;

  return (
    <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <form
        ref={formRef}
        noValidate
        aria-label="Compose message"
        className="grid min-w-0 gap-6"
        onSubmit={send}
        onKeyDown={(event) =>
          composeEnter(event, {
            later: later ? laterChoice.current : null,
            schedule,
            send: () => void send(),
          })
        }
      >
        <DraftFieldset form={form} owner={userId} adapt={adaptDraft} initial={prefill?.form ?? null}>
          {prefill && (
            <p className="rounded-md border bg-muted/40 p-3 text-sm">
              Filled in from an earlier send (#{prefill.sendId}). Check it, then send: it goes out as a new
              message.
            </p>
          )}
          <RecipientSection channels={channels} onRetryChannels={retryChannels} />
          <ConversationPanel state={lookup} window={conversationWindow} now={now} />
          <MessageTypePicker windowClosed={windowClosed} />
          <MessageBodySection templateSource={templateSource} />
          <OptionsSection teams={account.teams} teamsError={account.teamsError} members={account.members} />
          <ComposeActions
            sending={sending}
            later={later}
            onLater={setLater}
            onSchedule={schedule}
            choiceRef={laterChoice}
            laterError={laterError}
            windowClosesAt={conversationWindow?.state === "open" ? conversationWindow.closesAt : null}
            windowClosed={windowClosed}
            freeForm={form.getValues("type") !== "template"}
          />
        </DraftFieldset>
        <div aria-live="polite">
          {/* Its own boundary: while its code loads, only this waits (the form above must never remount). */}
          <Suspense fallback={null}>
            {lastSend && (
              <SendOutcome result={lastSend.result} sent={lastSend.sent} onSendAnyway={sendAnyway} />
            )}
          </Suspense>
        </div>
      </form>
      {/* On a phone the previews are below the form: their layout waits until they scroll into view. */}
      <aside
        aria-label="Previews"
        className="grid min-w-0 gap-6 max-lg:[contain-intrinsic-size:auto_40rem] max-lg:[content-visibility:auto] lg:sticky lg:top-4"
      >
        <MessagePreview templates={templates} />
        <RequestDisclosure templates={templates} apiUrl={apiUrl} userId={userId} />
      </aside>
    </div>
  );
});
