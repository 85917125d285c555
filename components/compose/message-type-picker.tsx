"use client";

import { Controller, useFormContext } from "react-hook-form";
import { FieldError } from "@/components/ui/field";
import { RadioGroup, RadioGroupSegment } from "@/components/ui/radio-group";
import type { ComposeFormValues } from "@/lib/messages/compose-schema";
import { MESSAGE_TYPES } from "@/lib/messages/options";
import { useFieldError } from "./form-field";

export function MessageTypePicker() {
  const { control } = useFormContext<ComposeFormValues>();
  const error = useFieldError("type");
  return (
    <div className="grid gap-1.5">
      <span id="message-type-label" className="text-sm font-medium">
        Message type
      </span>
      <Controller
        control={control}
        name="type"
        render={({ field }) => (
          <RadioGroup
            aria-labelledby="message-type-label"
            aria-describedby={error ? "message-type-error" : undefined}
            className="flex flex-wrap gap-1 rounded-lg bg-muted p-1"
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
          >
            {MESSAGE_TYPES.map((option) => (
              <RadioGroupSegment key={option.value} value={option.value}>
                {option.label}
              </RadioGroupSegment>
            ))}
          </RadioGroup>
        )}
      />
      <FieldError id="message-type-error">{error}</FieldError>
    </div>
  );
}
