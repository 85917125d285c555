"use client";

import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { TemplateCombobox } from "@/components/compose/template-combobox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  DEFAULT_RATE_PER_SECOND,
  MAX_RATE_PER_SECOND,
  MIN_RATE_PER_SECOND,
  RATE_TRADE_OFF,
} from "@/lib/broadcasts/limits";
import type { ListRules } from "@/lib/broadcasts/recipient-list";
import type { ChannelSummary } from "@/lib/callbell/types";
import { channelLabel } from "@/lib/messages/channels";
import { countOf } from "@/lib/format/plural";
import { templateMediaHeader, type TemplateSummary } from "@/lib/messages/template";
import type { BroadcastForm } from "./use-broadcast-form";
import { WizardStep } from "./wizard-step";

/** Step 1: the approved template, the WhatsApp channel, and the pace. */
export function TemplateStep({
  form,
  approved,
  templatesError,
  channels,
  channelsError,
  template,
  rules,
}: {
  form: BroadcastForm;
  approved: TemplateSummary[];
  templatesError: string | null;
  channels: ChannelSummary[] | null;
  channelsError: string | null;
  template: TemplateSummary | undefined;
  rules: ListRules | null;
}) {
  const { errors } = form;
  return (
    <WizardStep id="bw-message" title="1. Template and channel" className="gap-4">
      {templatesError && (
        <p role="alert" className="text-sm text-destructive">
          The templates could not be read from Callbell: {templatesError}
        </p>
      )}
      <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-3">
        <Field>
          <FieldLabel htmlFor="bw-template">Template</FieldLabel>
          {/* Compose's searchable picker: a broadcast chooses among the approved templates only. */}
          <TemplateCombobox
            {...fieldAria("bw-template", errors.templateUuid)}
            templates={approved}
            value={form.values.templateUuid}
            onChange={(uuid) => form.set("templateUuid", uuid)}
            onBlur={() => undefined}
            inputRef={null}
          />
          <FieldError id="bw-template-error">{errors.templateUuid}</FieldError>
        </Field>
        <Field>
          <FieldLabel htmlFor="bw-channel">Channel</FieldLabel>
          <NativeSelect
            {...fieldAria("bw-channel", errors.channelUuid, !channels?.length)}
            {...form.field("channelUuid")}
          >
            {!channels?.length && <option value="">No channel available</option>}
            {(channels ?? []).map((channel) => (
              <option key={channel.uuid} value={channel.uuid}>
                {channelLabel(channel)}
              </option>
            ))}
          </NativeSelect>
          {!channels?.length && (
            <FieldDescription id="bw-channel-description" tone="warning">
              {channels === null
                ? `The WhatsApp channels could not be read from Callbell (${channelsError ?? "unknown error"}): reload the page to try again.`
                : "This Callbell account has no active WhatsApp channel, so no template can be sent."}
            </FieldDescription>
          )}
          <FieldError id="bw-channel-error">{errors.channelUuid}</FieldError>
        </Field>
        <Field>
          <FieldLabel htmlFor="bw-rate">Sends per second</FieldLabel>
          <Input
            {...fieldAria("bw-rate", errors.rate, true)}
            type="number"
            min={MIN_RATE_PER_SECOND}
            max={MAX_RATE_PER_SECOND}
            {...form.field("rate")}
          />
          <FieldDescription id="bw-rate-description">
            {DEFAULT_RATE_PER_SECOND} by default, at most {MAX_RATE_PER_SECOND}. {RATE_TRADE_OFF}
          </FieldDescription>
          <FieldError id="bw-rate-error">{errors.rate}</FieldError>
        </Field>
      </div>
      {template && (
        <p className="text-sm text-muted-foreground">
          {template.text} · {countOf(rules?.variableCount ?? 0, "value")}
          {rules?.needsMedia ? ` · ${templateMediaHeader(template)} header` : ""}
        </p>
      )}
    </WizardStep>
  );
}
