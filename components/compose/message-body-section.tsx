"use client";

import { useFormContext } from "react-hook-form";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { CAPTION_MAX_LENGTH, TEXT_MAX_LENGTH } from "@/lib/messages/limits";
import type { MediaType } from "@/lib/messages/options";
import { TextField, controlId, useFieldError } from "./form-field";
import dynamic from "next/dynamic";
import type { TemplateSource } from "./template-section";

// Loaded when the agent picks Template: a text message, the page's default, never downloads the picker.
const TemplateSection = dynamic(() => import("./template-section").then((module) => module.TemplateSection), {
  loading: () => <p className="text-sm text-muted-foreground">Loading templates…</p>,
});

const MEDIA_HINTS: Record<MediaType, string> = {
  image: "A public https link to a JPEG or PNG image, at most 5 MB.",
  document: "A public https link to a PDF, Word, Excel, PowerPoint or text file, at most 100 MB.",
  audio:
    "A public https link to an AAC, AMR, MP3, M4A or OGG file, at most 16 MB. Callbell sends it as a document.",
  video: "A public https link to an MP4 or 3GP file, at most 16 MB. Callbell sends it as a document.",
};

function LimitedTextarea({
  name,
  label,
  max,
  rows,
}: {
  name: "text" | "caption";
  label: string;
  max: number;
  rows: number;
}) {
  const { register, watch } = useFormContext<ComposeFormValues>();
  const error = useFieldError(name);
  const length = watch(name).length;
  const id = controlId(name);
  return (
    <Field>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Textarea rows={rows} {...fieldAria(id, error, true)} {...register(name)} />
      <FieldDescription id={`${id}-description`} tone={length > max ? "error" : "muted"}>
        {length} / {max} characters
      </FieldDescription>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </Field>
  );
}

export function MessageBodySection({ templateSource }: { templateSource: TemplateSource }) {
  const { watch } = useFormContext<ComposeFormValues>();
  const type = watch("type");

  if (type === "text") return <LimitedTextarea name="text" label="Message" max={TEXT_MAX_LENGTH} rows={6} />;
  if (type === "template") return <TemplateSection source={templateSource} />;
  return (
    <div className="grid gap-4">
      {/* One field per type: what was typed for an image is still there after a look at Document. */}
      <TextField
        key={type}
        name={`mediaUrls.${type}`}
        label="Media URL"
        type="url"
        inputMode="url"
        placeholder="https://example.com/file"
        description={MEDIA_HINTS[type]}
      />
      {type === "image" && (
        <LimitedTextarea name="caption" label="Caption" max={CAPTION_MAX_LENGTH} rows={3} />
      )}
    </div>
  );
}
