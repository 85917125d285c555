import type * as React from "react";
import { Field, FieldError, FieldLabel, fieldAria } from "./field";
import { Input } from "./input";

/** A labelled input for a plain form (posted to a server action), with its error tied to it. */
export function PlainTextField({
  id,
  label,
  error,
  ...inputProps
}: { id: string; label: string; error?: string } & Omit<React.ComponentProps<"input">, "id">) {
  return (
    <Field>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Input {...fieldAria(id, error)} {...inputProps} />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </Field>
  );
}
