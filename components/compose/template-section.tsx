"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import type { ComposeFormValues } from "@/lib/messages/compose-schema";
import {
  countTemplateVariables,
  isSendableTemplate,
  templateMediaHeader,
  type TemplateSummary,
} from "@/lib/messages/template";
import { TextField, controlId, useFieldError } from "./form-field";

const HEADER_HINTS = {
  image: "The header image: a public https link to a JPEG or PNG, at most 5 MB.",
  video: "The header video: a public https link to an MP4 or 3GP, at most 16 MB.",
  document: "The header document: a public https link to a PDF or Office file, at most 100 MB.",
} as const;

export function TemplateSection({
  templates,
  templatesError,
}: {
  templates: TemplateSummary[] | null;
  templatesError: string | null;
}) {
  const { register, watch } = useFormContext<ComposeFormValues>();
  const { fields, replace } = useFieldArray<ComposeFormValues, "variables">({ name: "variables" });
  const templateUuid = watch("templateUuid");
  const template = templates?.find((t) => t.uuid === templateUuid);
  const header = template ? templateMediaHeader(template) : null;
  const templateError = useFieldError("templateUuid");
  const variablesError = useFieldError("variables");
  const optinError = useFieldError("optin");
  const selectId = controlId("templateUuid");

  const templateField = register("templateUuid", {
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      const chosen = templates?.find((t) => t.uuid === event.target.value);
      // Exactly one row per placeholder of the chosen template.
      replace(
        Array.from({ length: chosen ? countTemplateVariables(chosen.text) : 0 }, () => ({ value: "" })),
      );
    },
  });

  if (templates === null) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        Templates could not be loaded from Callbell ({templatesError}). Reload the page to try again.
      </p>
    );
  }

  const sendable = templates.filter(isSendableTemplate);
  const others = templates.filter((t) => !isSendableTemplate(t));

  return (
    <div className="grid gap-4">
      <Field>
        <FieldLabel htmlFor={selectId}>Template</FieldLabel>
        <NativeSelect {...fieldAria(selectId, templateError)} {...templateField}>
          <option value="">Choose an approved template…</option>
          {sendable.map((t) => (
            <option key={t.uuid} value={t.uuid}>
              {t.title}
            </option>
          ))}
          {others.length > 0 && (
            <optgroup label="Not approved">
              {others.map((t) => (
                <option key={t.uuid} value={t.uuid} disabled>
                  {t.title} ({t.status})
                </option>
              ))}
            </optgroup>
          )}
        </NativeSelect>
        <FieldError id={`${selectId}-error`}>{templateError}</FieldError>
      </Field>

      {template && (
        <figure className="rounded-md border bg-muted/40 p-3 text-sm">
          <figcaption className="mb-1 text-xs text-muted-foreground">
            {template.category} · {header ? `${header} header` : "text"} · {fields.length} variable
            {fields.length === 1 ? "" : "s"}
          </figcaption>
          <p className="whitespace-pre-wrap">{template.text}</p>
        </figure>
      )}

      {header && (
        <TextField
          name="mediaUrls.template"
          label="Media URL"
          type="url"
          inputMode="url"
          placeholder="https://example.com/header"
          description={HEADER_HINTS[header]}
        />
      )}

      {fields.length > 0 && (
        <div className="grid gap-3">
          {fields.map((field, index) => (
            <TextField key={field.id} name={`variables.${index}.value`} label={`Variable ${index + 1}`} />
          ))}
        </div>
      )}
      <FieldError id={`${controlId("variables")}-error`}>{variablesError}</FieldError>

      <Field>
        <div className="flex items-center gap-2">
          <Checkbox {...fieldAria(controlId("optin"), optinError, true)} {...register("optin")} />
          <FieldLabel htmlFor={controlId("optin")}>Customer opted in</FieldLabel>
        </div>
        <FieldDescription id={`${controlId("optin")}-description`}>
          Callbell requires it for every template: it records that the customer agreed to receive messages.
        </FieldDescription>
        <FieldError id={`${controlId("optin")}-error`}>{optinError}</FieldError>
      </Field>
    </div>
  );
}
