"use client";

import { useState } from "react";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import {
  channelFor,
  channelLabel,
  channelsOf,
  platformUnavailableReason,
  type AccountChannels,
} from "@/lib/messages/channels";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { PLATFORMS, type Platform } from "@/lib/messages/options";
import { normalizeRecipient, recipientKind, recipientProblem } from "@/lib/messages/recipient";
import { TextField, controlId, useFieldError } from "./form-field";

export function RecipientSection({
  channels,
  onRetryChannels,
}: {
  channels: AccountChannels;
  /** Reads the channels from Callbell again (after a failed read). */
  onRetryChannels: () => Promise<void>;
}) {
  const { register, setValue, getValues, control } = useFormContext<ComposeFormValues>();
  // Controlled, unlike the other fields: its options change with the platform, and an uncontrolled select would show
  // the first new option while the form holds the platform's main channel.
  const { field: channelField } = useController({ control, name: "channelUuid" });
  const [platform, to] = useWatch<ComposeFormValues, ["platform", "to"]>({ name: ["platform", "to"] });
  const platformError = useFieldError("platform");
  const channelError = useFieldError("channelUuid");
  const [retrying, setRetrying] = useState(false);
  const offered = channelsOf(channels, platform);
  const unavailable = platformUnavailableReason(channels, platform);
  const readFailed = channels[platform]?.ok === false;
  const kind = recipientKind(platform, to);
  const bsuid = kind === "bsuid";
  const readAs =
    platform !== "whatsapp" || to.trim() === "" || recipientProblem(platform, to)
      ? null
      : bsuid
        ? "Read as a BSUID (it starts with a country code): sent as bsuid instead of to."
        : `Read as a phone number: sent as to, ${normalizeRecipient(platform, to)}.`;

  const retry = async () => {
    setRetrying(true);
    try {
      await onRetryChannels();
    } finally {
      setRetrying(false);
    }
  };

  return (
    // Top-aligned: the recipient's description would otherwise stretch the platform's field and push its control down.
    <div className="grid items-start gap-4 sm:grid-cols-[1fr_10rem]">
      <TextField
        name="to"
        label="Recipient"
        autoComplete="off"
        inputMode={platform === "whatsapp" && !bsuid ? "tel" : "text"}
        placeholder={platform === "whatsapp" ? "+31 6 12345678, or a BSUID" : "Platform identifier"}
        description={
          platform !== "whatsapp"
            ? "The customer's identifier on this platform."
            : (readAs ??
              "Phone number with its country code (spaces, dashes and a leading 00 are fine), or the BSUID of a customer who hides their number behind a WhatsApp username, such as US.13491208655302741918.")
        }
      />
      <Field>
        <FieldLabel htmlFor={controlId("platform")}>Platform</FieldLabel>
        <NativeSelect
          {...fieldAria(controlId("platform"), platformError)}
          {...register("platform", {
            // Every platform has its own channels: the channel follows the platform.
            onChange: (event: { target: { value: string } }) =>
              setValue(
                "channelUuid",
                channelFor(channels, event.target.value as Platform, getValues("channelUuid")),
                { shouldValidate: true },
              ),
          })}
        >
          {PLATFORMS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id={`${controlId("platform")}-error`}>{platformError}</FieldError>
      </Field>
      <Field className="sm:col-span-2">
        <FieldLabel htmlFor={controlId("channelUuid")}>Channel</FieldLabel>
        <NativeSelect
          {...fieldAria(controlId("channelUuid"), channelError, Boolean(unavailable))}
          {...channelField}
        >
          {offered && offered.length > 0 ? (
            offered.map((channel) => (
              <option key={channel.uuid} value={channel.uuid}>
                {channelLabel(channel)}
              </option>
            ))
          ) : (
            <option value="">No channel available</option>
          )}
        </NativeSelect>
        {unavailable && (
          <div className="flex flex-wrap items-center gap-2">
            <FieldDescription id={`${controlId("channelUuid")}-description`} tone="warning">
              {unavailable}.{" "}
              {readFailed
                ? "Nothing can be sent on this platform until they are read: your message is kept."
                : "Choose another platform, or connect a channel in Callbell."}
            </FieldDescription>
            {readFailed && (
              <Button type="button" variant="outline" size="sm" onClick={retry} disabled={retrying}>
                {retrying ? "Reading channels…" : "Try again"}
              </Button>
            )}
          </div>
        )}
        <FieldError id={`${controlId("channelUuid")}-error`}>{channelError}</FieldError>
      </Field>
    </div>
  );
}
