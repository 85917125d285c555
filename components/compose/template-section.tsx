"use client";

import { useTransition } from "react";
import {
  Controller,
  useFieldArray,
  useFormContext,
  useWatch,
  type UseFieldArrayReturn,
} from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Moment } from "@/components/ui/moment";
import { NativeSelect } from "@/components/ui/native-select";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import {
  MEDIA_HEADER_FILE_TYPES,
  TEMPLATE_MEDIA_HEADERS,
  countTemplateVariables,
  describeTemplate,
  placeholderHint,
  templateMediaHeader,
  type TemplateMediaHeader,
  type TemplateSummary,
} from "@/lib/messages/template";
import { TextField, controlId, useFieldError } from "./form-field";
import { TemplateCombobox } from "./template-combobox";

/** The account's templates as the form knows them, and how to read them again from Callbell. */
export type TemplateSource = {
  templates: TemplateSummary[] | null;
  error: string | null;
  loadedAt: string | null;
  refresh: () => Promise<void>;
};

export function TemplateSection({ source }: { source: TemplateSource }) {
  const { control } = useFormContext<ComposeFormValues>();
  const variableRows = useFieldArray<ComposeFormValues, "variables">({ name: "variables" });
  const { fields, replace } = variableRows;
  const templateUuid = useWatch<ComposeFormValues, "templateUuid">({ name: "templateUuid" });
  const { templates } = source;
  const template = templates?.find((t) => t.uuid === templateUuid);
  const header = template ? templateMediaHeader(template) : null;
  const templateError = useFieldError("templateUuid");
  const variablesError = useFieldError("variables");
  const inputId = controlId("templateUuid");

  if (templates === null) {
    return (
      <div className="grid gap-4">
        <div className="grid gap-2">
          <p
            role="alert"
            className="rounded-md border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950/40 p-3 text-sm text-amber-950 dark:text-amber-100"
          >
            Templates could not be loaded from Callbell ({source.error}). You can still send one by its uuid:
            add one value per placeholder, in order. Callbell checks the template itself.
          </p>
          <RefreshTemplates source={source} />
        </div>
        <ManualTemplateFields rows={variableRows} />
        <OptinField />
      </div>
    );
  }

  return (
    <div className="grid gap-4">
      <Field>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <FieldLabel htmlFor={inputId}>Template</FieldLabel>
          <RefreshTemplates source={source} />
        </div>
        <Controller
          control={control}
          name="templateUuid"
          render={({ field }) => (
            <TemplateCombobox
              {...fieldAria(inputId, templateError)}
              templates={templates}
              value={field.value}
              inputRef={field.ref}
              onBlur={field.onBlur}
              onChange={(uuid) => {
                const chosen = templates.find((t) => t.uuid === uuid);
                field.onChange(uuid);
                // Exactly one row per placeholder of the chosen template.
                replace(
                  Array.from({ length: chosen ? countTemplateVariables(chosen.text) : 0 }, () => ({
                    value: "",
                  })),
                );
              }}
            />
          )}
        />
        <FieldError id={`${inputId}-error`}>{templateError}</FieldError>
        {source.error && (
          <p className="text-xs text-amber-800 dark:text-amber-300">
            Templates could not be refreshed ({source.error}); the list is from the last read.
          </p>
        )}
      </Field>

      {template && (
        <figure className="rounded-md border bg-muted/40 p-3 text-sm">
          <figcaption className="mb-1 text-xs text-muted-foreground">{describeTemplate(template)}</figcaption>
          <p className="whitespace-pre-wrap">{template.text}</p>
        </figure>
      )}

      {header && (
        <HeaderUrlField
          header={header}
          lead={`This template has ${header === "image" ? "an" : "a"} ${header} header: a public https link to the file`}
        />
      )}

      {fields.length > 0 && (
        <div className="grid gap-3">
          {fields.map((field, index) => (
            <TextField
              key={field.id}
              name={`variables.${index}.value`}
              label={`Variable ${index + 1}`}
              description={template ? placeholderHint(template.text, index + 1) : undefined}
            />
          ))}
        </div>
      )}
      <FieldError id={`${controlId("variables")}-error`}>{variablesError}</FieldError>

      <OptinField />
    </div>
  );
}

/** `Media URL` for a template's media header, saying which files the header takes. */
function HeaderUrlField({ header, lead }: { header: TemplateMediaHeader; lead: string }) {
  return (
    <TextField
      name="mediaUrls.template"
      label="Media URL"
      type="url"
      inputMode="url"
      placeholder="https://example.com/header"
      description={`${lead} (${MEDIA_HEADER_FILE_TYPES[header]}).`}
    />
  );
}

function OptinField() {
  const { register } = useFormContext<ComposeFormValues>();
  const optinError = useFieldError("optin");
  return (
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
  );
}

/** A template whose text is unknown (the list could not be read): its uuid, header and values typed by hand. */
function ManualTemplateFields({ rows }: { rows: UseFieldArrayReturn<ComposeFormValues, "variables"> }) {
  const { register } = useFormContext<ComposeFormValues>();
  const header = useWatch<ComposeFormValues, "templateHeader">({ name: "templateHeader" });
  const headerError = useFieldError("templateHeader");
  const variablesError = useFieldError("variables");
  const headerId = controlId("templateHeader");
  return (
    <>
      <TextField
        name="templateUuid"
        label="Template"
        autoComplete="off"
        placeholder="d980fb66fd5043d3ace1aa06ba044342"
        description="The template's uuid, as Callbell shows it."
      />
      <Field>
        <FieldLabel htmlFor={headerId}>Media header</FieldLabel>
        <NativeSelect {...fieldAria(headerId, headerError)} {...register("templateHeader")}>
          <option value="">None: text only</option>
          {TEMPLATE_MEDIA_HEADERS.map((type) => (
            <option key={type} value={type}>
              {type.charAt(0).toUpperCase() + type.slice(1)}
            </option>
          ))}
        </NativeSelect>
        <FieldError id={`${headerId}-error`}>{headerError}</FieldError>
      </Field>
      {header && <HeaderUrlField header={header} lead="A public https link to the header file" />}
      <div className="grid gap-3">
        {rows.fields.map((field, index) => (
          <div key={field.id} className="flex items-start gap-2">
            <TextField className="flex-1" name={`variables.${index}.value`} label={`Variable ${index + 1}`} />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="mt-6"
              onClick={() => rows.remove(index)}
            >
              Remove variable {index + 1}
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => rows.append({ value: "" })}>
            Add variable
          </Button>
        </div>
        <FieldError id={`${controlId("variables")}-error`}>{variablesError}</FieldError>
      </div>
    </>
  );
}

function RefreshTemplates({ source }: { source: TemplateSource }) {
  const [refreshing, startRefresh] = useTransition();
  return (
    <div className="flex items-center gap-2 text-xs text-muted-foreground">
      <span aria-live="polite">
        {refreshing ? (
          "Reading templates from Callbell…"
        ) : source.loadedAt ? (
          <>
            Read from Callbell <Moment iso={source.loadedAt} />
          </>
        ) : null}
      </span>
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={refreshing}
        onClick={() => startRefresh(source.refresh)}
      >
        Refresh templates
      </Button>
    </div>
  );
}
