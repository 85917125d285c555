"use client";

import { useState } from "react";
import type * as React from "react";
import { get, useFormContext, type FieldPath } from "react-hook-form";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComposeFormValues } from "@/lib/messages/compose-form";

export type ComposePath = FieldPath<ComposeFormValues>;

/** The error message the form holds for a path, wherever react-hook-form put it (field arrays keep theirs on root). */
export function useFieldError(name: string): string | undefined {
  return useFieldErrorState(name).message;
}

function useFieldErrorState(name: string): { message?: string; type?: string; isSubmitted: boolean } {
  const {
    formState: { errors, isSubmitted },
  } = useFormContext<ComposeFormValues>();
  const error = get(errors, name) as
    { message?: string; type?: string; root?: { message?: string } } | undefined;
  return { message: error?.message ?? error?.root?.message, type: error?.type, isSubmitted };
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
  const state = useFieldErrorState(name);
  // A field that just appeared (a variable row, a header's URL) waits for the agent's first keystroke or a send
  // attempt before it complains; the server's errors show at once.
  const [edited, setEdited] = useState(false);
  const error = edited || state.isSubmitted || state.type === "server" ? state.message : undefined;
  const registration = register(name);
  const id = controlId(name);
  return (
    <Field className={className}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Input
        {...fieldAria(id, error, Boolean(description))}
        {...inputProps}
        {...registration}
        onChange={(event) => {
          setEdited(true);
          return registration.onChange(event);
        }}
      />
      {description && <FieldDescription id={`${id}-description`}>{description}</FieldDescription>}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </Field>
  );
}
