"use client";

import { useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { ComposeAccountData, RefreshTemplatesResult } from "@/lib/messages/account-options";
import { channelFor, channelsOf, type AccountChannels } from "@/lib/messages/channels";
import { emptyComposeForm, type ComposeFormValues } from "@/lib/messages/compose-form";
import { newIdempotencyKey } from "@/lib/messages/idempotency";
import { PLATFORM_VALUES } from "@/lib/messages/options";
import type { SendAgainPrefill } from "@/lib/messages/send-again";
import type { ScheduleResult, SendResult } from "@/lib/messages/send-result";
import { ComposeFormBody } from "./compose-form-body";
import { composeResolver } from "./compose-resolver";
import type { SendLaterChoice } from "./send-later-panel";
import { useSettledFormState } from "./use-settled-form-state";

export type SendMessageAction = (values: ComposeFormValues) => Promise<SendResult>;
export type ScheduleMessageAction = (
  values: ComposeFormValues,
  when: SendLaterChoice,
) => Promise<ScheduleResult>;
export type RefreshTemplatesAction = () => Promise<RefreshTemplatesResult>;
export type RefreshChannelsAction = () => Promise<AccountChannels | null>;

export type ComposeFormProps = {
  account: ComposeAccountData;
  /** Send again: an earlier send's form, without its idempotency key. */
  prefill: SendAgainPrefill | null;
  sendAction: SendMessageAction;
  scheduleAction: ScheduleMessageAction;
  refreshTemplatesAction: RefreshTemplatesAction;
  refreshChannelsAction: RefreshChannelsAction;
  /** Callbell's base URL for the curl preview, or null in sandbox mode. */
  apiUrl: string | null;
  /** The signed-in user: each one's own choice of open disclosures is remembered in the browser. */
  userId: string;
};

/** The approved templates as last read from Callbell, and why the last refresh failed. */
export type TemplateList = {
  templates: ComposeAccountData["templates"];
  error: ComposeAccountData["templatesError"];
  loadedAt: ComposeAccountData["templatesLoadedAt"];
};

/** The compose form's state: the channels and templates its rules check against, and react-hook-form's. */
export function ComposeForm(props: ComposeFormProps) {
  const { account } = props;
  const [channels, setChannels] = useState(account.channels);
  const freshForm = () => {
    const empty = emptyComposeForm(newIdempotencyKey());
    return { ...empty, channelUuid: channelFor(channels, empty.platform, "") };
  };
  const [templateList, setTemplateList] = useState<TemplateList>({
    templates: account.templates,
    error: account.templatesError,
    loadedAt: account.templatesLoadedAt,
  });
  const { templates } = templateList;

  const resolver = useMemo(
    () =>
      composeResolver({
        templates,
        channels: Object.fromEntries(PLATFORM_VALUES.map((p) => [p, channelsOf(channels, p)])),
      }),
    [templates, channels],
  );
  const form = useForm<ComposeFormValues>({
    resolver,
    defaultValues: freshForm(),
    // Feedback as the agent types; validating on blur would move the layout under a click in progress.
    mode: "onChange",
    // react-hook-form focuses the first field it registered, not the first on screen (a template's Media URL
    // registers after `Customer opted in`, below it): the body focuses the first marked field in page order.
    shouldFocusError: false,
  });
  const formState = useSettledFormState(form.formState);

  return (
    <FormProvider {...form} formState={formState}>
      <ComposeFormBody
        {...props}
        form={form}
        formState={formState}
        channels={channels}
        setChannels={setChannels}
        templateList={templateList}
        setTemplateList={setTemplateList}
      />
    </FormProvider>
  );
}
