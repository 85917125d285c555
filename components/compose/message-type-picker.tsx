"use client";

import { Controller, useFormContext } from "react-hook-form";
import { FieldError } from "@/components/ui/field";
import { SegmentedRadioGroup } from "@/components/ui/radio-group";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { MESSAGE_TYPES } from "@/lib/messages/options";
import { CLOSED_WINDOW_SENTENCE_ID } from "./conversation-panel";

/**
 * With the 24-hour window closed, WhatsApp delivers templates only: the other types are disabled, and the conversation
 * panel's sentence (the one place that says so, with its `Use a template`) describes the group.
 */
export function MessageTypePicker({ windowClosed }: { windowClosed: boolean }) {
  const {
    control,
    formState: { errors },
  } = useFormContext<ComposeFormValues>();
  // A send refused for the closed window is told by the panel's sentence, not a second time here.
  const error = errors.type?.type === "window" ? undefined : errors.type?.message;
  const describedBy = [error ? "message-type-error" : null, windowClosed ? CLOSED_WINDOW_SENTENCE_ID : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="grid gap-1.5">
      <span id="message-type-label" className="text-sm font-medium">
        Message type
      </span>
      <Controller
        control={control}
        name="type"
        render={({ field }) => (
          <SegmentedRadioGroup
            aria-labelledby="message-type-label"
            aria-describedby={describedBy || undefined}
            // Six types: on a phone two even rows of three, never one type alone on a row.
            className="flex-wrap gap-1 rounded-lg bg-muted p-1 max-sm:grid max-sm:grid-cols-3"
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            segments={MESSAGE_TYPES.map((option) => ({
              value: option.value,
              label: option.label,
              disabled: windowClosed && option.value !== "template",
            }))}
          />
        )}
      />
      <FieldError id="message-type-error">{error}</FieldError>
    </div>
  );
}
