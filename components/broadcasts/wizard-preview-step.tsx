"use client";

import { useState, useTransition } from "react";
import { MessageBubble } from "@/components/compose/message-bubble";
import { Button } from "@/components/ui/button";
import { Field, FieldDescription, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useFocusOutcome } from "@/components/ui/use-focus-outcome";
import type { Recipient } from "@/lib/broadcasts/recipient-list";
import type { TestSendResult } from "@/lib/broadcasts/results";
import { broadcastComposeForm } from "@/lib/broadcasts/template-form";
import { messagePreview } from "@/lib/messages/message-preview";
import { templateMediaHeader, type TemplateSummary } from "@/lib/messages/template";
import type { BroadcastForm } from "./use-broadcast-form";
import { WizardStep } from "./wizard-step";

/** The page's server action: the first row's message to one number, outside the broadcast. */
export type SendTestAction = (input: unknown) => Promise<TestSendResult>;

/** Step 5: the first three messages as the customers will see them, and a test send of the first. */
export function PreviewStep({
  form,
  template,
  recipients,
  sendTest,
}: {
  form: BroadcastForm;
  template: TemplateSummary;
  recipients: Recipient[];
  sendTest: SendTestAction;
}) {
  const { channelUuid, fixedMediaUrl } = form.values;
  const [testPhone, setTestPhone] = useState("");
  const [testResult, setTestResult] = useState<TestSendResult | null>(null);
  const [testing, startTesting] = useTransition();
  // The answer takes the focus (the button keeps none of it for a screen reader).
  const answerRef = useFocusOutcome<HTMLDivElement>(testResult);
  const templateHeader = templateMediaHeader(template) ?? "";
  const messageTo = (recipient: Recipient) =>
    broadcastComposeForm({
      to: recipient.phone,
      channelUuid,
      templateUuid: template.uuid,
      templateHeader,
      values: recipient.values,
      mediaUrl: recipient.mediaUrl ?? fixedMediaUrl,
      metadata: [],
      idempotencyKey: "",
    });

  const test = () =>
    startTesting(async () => {
      if (testPhone.trim() === "") {
        setTestResult({
          ok: false,
          message: "Enter a test phone number first, with its country code (+31 6…).",
        });
        return;
      }
      const first = recipients[0];
      if (!first) return;
      setTestResult(
        await sendTest({
          phone: testPhone,
          templateUuid: template.uuid,
          channelUuid,
          values: first.values,
          mediaUrl: first.mediaUrl ?? fixedMediaUrl,
          templateHeader,
        }).catch(() => ({ ok: false, message: "Bellhop's server did not answer: try again." })),
      );
    });

  return (
    <WizardStep id="bw-preview" title="5. Broadcast preview" className="gap-3">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {recipients.slice(0, 3).map((recipient) => (
          <figure key={recipient.rowNumber} className="grid min-w-0 gap-1">
            <figcaption className="text-xs text-muted-foreground">
              Row {recipient.rowNumber} · {recipient.phone}
            </figcaption>
            <MessageBubble preview={messagePreview(messageTo(recipient), template)} emptyText="" />
          </figure>
        ))}
      </div>
      <div className="grid max-w-md gap-2">
        <Field>
          <FieldLabel htmlFor="bw-test-phone">Test phone number</FieldLabel>
          <Input
            id="bw-test-phone"
            type="tel"
            value={testPhone}
            placeholder="+31 6 1234 5678"
            onChange={(event) => setTestPhone(event.target.value)}
          />
          <FieldDescription>Sends the first row&apos;s message to this number only.</FieldDescription>
        </Field>
        <div>
          <Button type="button" variant="outline" onClick={test} disabled={testing}>
            Send test
          </Button>
        </div>
        <div ref={answerRef}>
          {testResult && (
            <p role={testResult.ok ? "status" : "alert"} className="text-sm">
              {testResult.message}
            </p>
          )}
        </div>
      </div>
    </WizardStep>
  );
}
