"use client";

import { Field, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ColumnMapping, ListRules } from "@/lib/broadcasts/recipient-list";
import type { BroadcastForm } from "./use-broadcast-form";
import { WizardStep } from "./wizard-step";

/** Step 3: which column holds the phone, each template value and the media URL (guessed from the header). */
export function ColumnsStep({
  form,
  header,
  rules,
  mapping,
  onMapping,
}: {
  form: BroadcastForm;
  header: string[];
  rules: ListRules;
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
}) {
  const columnOptions = header.map((name, index) => (
    <option key={index} value={index}>
      {name || `Column ${index + 1}`}
    </option>
  ));
  return (
    <WizardStep id="bw-columns" title="3. Columns" className="gap-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field>
          <FieldLabel htmlFor="bw-col-phone">Phone column</FieldLabel>
          <NativeSelect
            id="bw-col-phone"
            value={mapping.phone}
            onChange={(event) => onMapping({ ...mapping, phone: Number(event.target.value) })}
          >
            {columnOptions}
          </NativeSelect>
        </Field>
        {mapping.values.map((column, index) => (
          <Field key={index}>
            <FieldLabel htmlFor={`bw-col-value-${index + 1}`}>{`Value ${index + 1} column`}</FieldLabel>
            <NativeSelect
              id={`bw-col-value-${index + 1}`}
              value={column}
              onChange={(event) => {
                const values = [...mapping.values];
                values[index] = Number(event.target.value);
                onMapping({ ...mapping, values });
              }}
            >
              <option value={-1}>No column</option>
              {columnOptions}
            </NativeSelect>
          </Field>
        ))}
        {rules.needsMedia && (
          <>
            <Field>
              <FieldLabel htmlFor="bw-col-media">Media URL column</FieldLabel>
              <NativeSelect
                id="bw-col-media"
                value={mapping.mediaUrl ?? ""}
                onChange={(event) =>
                  onMapping({
                    ...mapping,
                    mediaUrl: event.target.value === "" ? null : Number(event.target.value),
                  })
                }
              >
                <option value="">One URL for every row</option>
                {columnOptions}
              </NativeSelect>
            </Field>
            {mapping.mediaUrl === null && (
              <Field>
                <FieldLabel htmlFor="bw-media">Media URL for every row</FieldLabel>
                <Input
                  id="bw-media"
                  type="url"
                  placeholder="https://example.com/notice.pdf"
                  {...form.field("fixedMediaUrl")}
                />
              </Field>
            )}
          </>
        )}
      </div>
    </WizardStep>
  );
}
