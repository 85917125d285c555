"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldDescription, FieldError } from "@/components/ui/field";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import {
  METADATA_KEY_MAX_LENGTH,
  METADATA_MAX_PAIRS,
  METADATA_VALUE_MAX_LENGTH,
} from "@/lib/messages/limits";
import { TextField, controlId, useFieldError } from "./form-field";

export function MetadataSection() {
  const { control } = useFormContext<ComposeFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "metadata" });
  const error = useFieldError("metadata");
  return (
    <fieldset className="grid gap-3">
      <legend className="text-sm font-medium">Metadata</legend>
      <FieldDescription>
        Up to {METADATA_MAX_PAIRS} pairs, keys of at most {METADATA_KEY_MAX_LENGTH} characters, values of at
        most {METADATA_VALUE_MAX_LENGTH}. Callbell echoes them in webhooks; nothing sensitive.
      </FieldDescription>
      {fields.map((field, index) => (
        <div key={field.id} className="grid items-start gap-2 sm:grid-cols-[1fr_2fr_auto]">
          <TextField name={`metadata.${index}.key`} label={`Metadata key ${index + 1}`} autoComplete="off" />
          <TextField
            name={`metadata.${index}.value`}
            label={`Metadata value ${index + 1}`}
            autoComplete="off"
          />
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="sm:mt-6"
            aria-label={`Remove metadata ${index + 1}`}
            onClick={() => remove(index)}
          >
            Remove
          </Button>
        </div>
      ))}
      <FieldError id={`${controlId("metadata")}-error`}>{error}</FieldError>
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={fields.length >= METADATA_MAX_PAIRS}
          onClick={() => append({ key: "", value: "" })}
        >
          Add metadata
        </Button>
      </div>
    </fieldset>
  );
}
