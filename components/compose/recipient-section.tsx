"use client";

import { useFormContext } from "react-hook-form";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import type { ChannelSummary } from "@/lib/callbell/types";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { PLATFORMS } from "@/lib/messages/options";
import { TextField, controlId, useFieldError } from "./form-field";

export function RecipientSection({
  channels,
  channelsError,
}: {
  channels: ChannelSummary[] | null;
  channelsError: string | null;
}) {
  const { register, watch } = useFormContext<ComposeFormValues>();
  const platform = watch("platform");
  const platformError = useFieldError("platform");
  const channelError = useFieldError("channelUuid");

  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
      <TextField
        name="to"
        label="Recipient"
        autoComplete="off"
        inputMode={platform === "whatsapp" ? "tel" : "text"}
        placeholder={platform === "whatsapp" ? "+31 6 12345678" : "Platform identifier"}
        description={
          platform === "whatsapp"
            ? "Phone number with its country code; spaces, dashes and a leading 00 are fine."
            : "The customer's identifier on this platform."
        }
      />
      <Field>
        <FieldLabel htmlFor={controlId("platform")}>Platform</FieldLabel>
        <NativeSelect {...fieldAria(controlId("platform"), platformError)} {...register("platform")}>
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
          {...fieldAria(controlId("channelUuid"), channelError, Boolean(channelsError))}
          {...register("channelUuid")}
        >
          {channels === null || channels.length === 0 ? (
            <option value="">Callbell&apos;s main channel</option>
          ) : (
            channels.map((channel) => (
              <option key={channel.uuid} value={channel.uuid}>
                {channel.title}
                {channel.main ? " (main)" : ""}
              </option>
            ))
          )}
        </NativeSelect>
        {channelsError && (
          <FieldDescription id={`${controlId("channelUuid")}-description`} tone="warning">
            Channels could not be loaded ({channelsError}). The message will go from the account&apos;s main
            channel.
          </FieldDescription>
        )}
        <FieldError id={`${controlId("channelUuid")}-error`}>{channelError}</FieldError>
      </Field>
    </div>
  );
}
