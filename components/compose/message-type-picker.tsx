"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { SegmentedRadioGroup } from "@/components/ui/radio-group";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { MESSAGE_TYPES } from "@/lib/messages/options";
import { useFieldError } from "./form-field";

/** With the 24-hour window closed, WhatsApp delivers templates only: the other types are disabled. */
export function MessageTypePicker({ windowClosed }: { windowClosed: boolean }) {
  const { control, setValue, clearErrors } = useFormContext<ComposeFormValues>();
  const type = useWatch<ComposeFormValues, "type">({ name: "type" });
  const error = useFieldError("type");
  const describedBy = [error ? "message-type-error" : null, windowClosed ? "message-type-window" : null]
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
            className="flex-wrap gap-1 rounded-lg bg-muted p-1"
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
      {windowClosed && (
        <div
          id="message-type-window"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950"
        >
          <span>
            The 24-hour window is closed: WhatsApp delivers only approved templates until the customer writes
            again.
          </span>
          {type !== "template" && (
            <Button
              type="button"
              size="sm"
              variant="outline"
              onClick={() => {
                setValue("type", "template", { shouldDirty: true });
                clearErrors("type");
              }}
            >
              Use a template
            </Button>
          )}
        </div>
      )}
      <FieldError id="message-type-error">{error}</FieldError>
    </div>
  );
}
