"use client";

import type * as React from "react";
import { get, useFormContext, type FieldPath } from "react-hook-form";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComposeFormValues } from "@/lib/messages/compose-schema";

export type ComposePath = FieldPath<ComposeFormValues>;

/** The error message the form holds for a path, wherever react-hook-form put it (field arrays keep theirs on root). */
export function useFieldError(name: string): string | undefined {
  const {
    formState: { errors },
  } = useFormContext<ComposeFormValues>();
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}

export function controlId(name: string) {
  return `compose-${name.replace(/\./g, "-")}`;
}

/** A labelled text input bound to the compose form, with its error tied to it. */
export function TextField({
  name,
  label,
  description,
  className,
  ...inputProps
}: { name: ComposePath; label: string; description?: React.ReactNode } & Omit<
  React.ComponentProps<"input">,
  "name"
>) {
  const { register } = useFormContext<ComposeFormValues>();
  const error = useFieldError(name);
  const id = controlId(name);
  return (
    <Field className={className}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Input {...fieldAria(id, error, Boolean(description))} {...inputProps} {...register(name)} />
      {description && <FieldDescription id={`${id}-description`}>{description}</FieldDescription>}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </Field>
  );
}
