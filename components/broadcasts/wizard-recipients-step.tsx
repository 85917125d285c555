"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { FileDrop } from "@/components/ui/file-drop";
import { Textarea } from "@/components/ui/textarea";
import { SAMPLE_CSV } from "@/lib/broadcasts/limits";
import { countOf } from "@/lib/format/plural";
import type { BroadcastForm } from "./use-broadcast-form";
import type { useListWorker } from "./use-list-worker";
import { WizardStep } from "./wizard-step";

/** Step 2: the list, from a file or pasted rows, read by the worker. */
export function RecipientsStep({
  form,
  list,
  file,
  onFile,
  onReadPasted,
  restoredFrom,
  templateChosen,
}: {
  form: BroadcastForm;
  list: ReturnType<typeof useListWorker>;
  file: File | null;
  onFile: (file: File | null) => void;
  onReadPasted: () => void;
  /** The file whose rows a reload put back in the paste box. */
  restoredFrom: string | null;
  /** Without a template the list cannot be checked: the steps after this one wait for it. */
  templateChosen: boolean;
}) {
  // `Read pasted rows` with nothing pasted says so, rather than nothing at all.
  const [nothingPasted, setNothingPasted] = useState(false);
  return (
    <WizardStep id="bw-recipients" title="2. Recipients" className="gap-4">
      <p className="text-sm text-muted-foreground">
        A header row, then one row per customer: the phone number with its country code (or the
        customer&apos;s BSUID), one column per template value ({"{{1}}"}, {"{{2}}"}, …), and a media URL
        column for a media-header template.{" "}
        <a
          href={SAMPLE_CSV}
          download="bellhop-broadcast-sample.csv"
          className="underline max-lg:inline-block max-lg:py-1.5"
        >
          Download a sample CSV
        </a>
      </p>
      <Field>
        <FieldLabel htmlFor="bw-file">Recipients file</FieldLabel>
        <FileDrop
          id="bw-file"
          accept=".csv,.txt,text/csv,text/plain"
          file={file}
          onFile={onFile}
          hint="drop a CSV file here"
        />
      </Field>
      <Field>
        <FieldLabel htmlFor="bw-pasted">Or paste the rows</FieldLabel>
        <Textarea
          id="bw-pasted"
          placeholder={"phone,1,2\n+31612345678,Jo,5 pm"}
          mono
          {...form.field("pasted")}
        />
      </Field>
      <div>
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            setNothingPasted(form.values.pasted.trim() === "");
            onReadPasted();
          }}
          disabled={list.busy}
        >
          Read pasted rows
        </Button>
      </div>
      <p role="status" className="text-sm">
        {list.busy
          ? "Reading the list…"
          : list.error
            ? `The list could not be read: ${list.error}`
            : list.parsed
              ? `Read ${countOf(list.parsed.rowCount, "row")} and the header in ${Math.round(list.parsed.ms)} ms${file ? ` from ${file.name}` : restoredFrom ? ` (the rows of ${restoredFrom}, kept from before the page was reloaded)` : ""}.`
              : nothingPasted
                ? "Nothing is pasted: paste the rows (a header first) into the box, or choose a file."
                : ""}
      </p>
      {list.parsed && !templateChosen && (
        <p className="text-sm text-destructive">
          Choose a template in step 1: the list is checked against its values, then the columns, the report
          and the start follow.
        </p>
      )}
      {list.parsed?.errors.map((error) => (
        <p key={error} className="text-sm text-amber-800 dark:text-amber-300">
          {error}
        </p>
      ))}
    </WizardStep>
  );
}
