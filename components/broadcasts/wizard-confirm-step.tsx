"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatSeconds } from "@/lib/format/duration";
import { estimatedSeconds, needsTypedCount, parseRate, rateProblem } from "@/lib/broadcasts/limits";
import { numberInWords } from "@/lib/broadcasts/recipient-list";
import { nounFor } from "@/lib/format/plural";
import type { TemplateSummary } from "@/lib/messages/template";
import type { BroadcastForm } from "./use-broadcast-form";
import type { BroadcastTimingState } from "./use-broadcast-timing";
import { TimingFields } from "./wizard-timing-fields";
import { WizardStep } from "./wizard-step";

/**
 * Step 6: the count in figures and words, when it starts and the hours it may send in, the opt-in, the count typed
 * again for a large list, and the start.
 */
export function ConfirmStep({
  form,
  template,
  count,
  timing,
  canStart,
  startHint,
}: {
  form: BroadcastForm;
  template: TemplateSummary;
  count: number;
  timing: BroadcastTimingState;
  canStart: boolean;
  /** Why it cannot start yet, or null. */
  startHint: string | null;
}) {
  const { errors } = form;
  const rate = parseRate(form.values.rate);
  return (
    <WizardStep id="bw-confirm" title="6. Confirm" className="gap-3">
      <p className="text-sm" data-testid="broadcast-summary">
        Send <strong>{template.title}</strong> to <strong>{count.toLocaleString("en")}</strong>{" "}
        {nounFor(count, "recipient")} ({numberInWords(count)}),{" "}
        {rateProblem(rate) ? "at a pace still to set in step 1" : `${rate} a second`}
        {count > 0 &&
          !rateProblem(rate) &&
          `, about ${formatSeconds(estimatedSeconds(count, rate))} (longer if Callbell asks Bellhop to slow down)`}
        .
      </p>
      <TimingFields timing={timing} />
      <label className="flex items-center gap-2 text-sm">
        <Checkbox
          name="optin"
          checked={form.values.optin}
          onChange={(event) => form.set("optin", event.target.checked)}
        />
        Every recipient opted in to receive this template
      </label>
      {needsTypedCount(count) && (
        <Field className="max-w-xs">
          <FieldLabel htmlFor="bw-typed-count">Type the number of recipients</FieldLabel>
          <Input
            {...fieldAria("bw-typed-count", errors.typedCount, true)}
            inputMode="numeric"
            {...form.field("typedCount")}
          />
          <FieldDescription id="bw-typed-count-description">
            {count.toLocaleString("en")} recipients: type {count} to confirm.
          </FieldDescription>
          <FieldError id="bw-typed-count-error">{errors.typedCount}</FieldError>
        </Field>
      )}
      {form.serverError && (
        <p role="alert" className="text-sm text-destructive">
          {form.serverError}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          disabled={!canStart || form.submitting}
          aria-describedby={startHint ? "bw-start-hint" : undefined}
        >
          {timing.timing.when === "later" ? "Schedule broadcast" : "Start broadcast"}
        </Button>
        {startHint && (
          <p id="bw-start-hint" className="text-sm text-muted-foreground">
            {startHint}
          </p>
        )}
      </div>
    </WizardStep>
  );
}
