"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { MessageBubble } from "@/components/compose/message-bubble";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import {
  guessMapping,
  numberInWords,
  rulesFor,
  type ColumnMapping,
  type ListRules,
  type Recipient,
} from "@/lib/broadcasts/recipient-list";
import type { ChannelSummary } from "@/lib/callbell/types";
import { defaultChannel } from "@/lib/messages/channels";
import { emptyComposeForm } from "@/lib/messages/compose-form";
import { messagePreview } from "@/lib/messages/message-preview";
import { isSendableTemplate, templateMediaHeader, type TemplateSummary } from "@/lib/messages/template";
import { TYPED_CONFIRMATION_ABOVE } from "@/lib/broadcasts/limits";
import type { TestSendResult } from "@/lib/broadcasts/results";
import { useListWorker } from "./use-list-worker";
import { readStartAnswer } from "@/lib/broadcasts/results";

const REPORT_ROWS_SHOWN = 200;

export type WizardInitial = {
  templateUuid: string;
  channelUuid: string;
  csv: string;
  retryOfId: number | null;
};

type Props = {
  templates: TemplateSummary[] | null;
  templatesError: string | null;
  /** The account's active WhatsApp channels (templates are WhatsApp's), or null when they could not be read. */
  channels: ChannelSummary[] | null;
  channelsError: string | null;
  initial: WizardInitial | null;
  sendTest: (input: unknown) => Promise<TestSendResult>;
};

function previewFor(template: TemplateSummary, recipient: Recipient, fixedMediaUrl: string) {
  const form = emptyComposeForm();
  return messagePreview(
    {
      ...form,
      type: "template",
      templateUuid: template.uuid,
      variables: recipient.values.map((value) => ({ value })),
      mediaUrls: { ...form.mediaUrls, template: recipient.mediaUrl ?? fixedMediaUrl },
    },
    template,
  );
}

/**
 * The broadcast wizard: template and channel, the recipients (a CSV file or pasted rows, parsed and checked in a
 * worker), the columns, the report, a preview of the first messages, a test send, and the confirmation.
 */
export function BroadcastWizard({
  templates,
  templatesError,
  channels,
  channelsError,
  initial,
  sendTest,
}: Props) {
  const router = useRouter();
  const approved = useMemo(() => (templates ?? []).filter(isSendableTemplate), [templates]);
  const [templateUuid, setTemplateUuid] = useState(initial?.templateUuid ?? "");
  // A retried broadcast keeps its channel while the account still has it; else the main WhatsApp channel.
  const [channelUuid, setChannelUuid] = useState(() =>
    channels?.some((channel) => channel.uuid === initial?.channelUuid)
      ? initial!.channelUuid
      : (defaultChannel(channels)?.uuid ?? ""),
  );
  const [rate, setRate] = useState("10");
  const [pasted, setPasted] = useState(initial?.csv ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [fixedMediaUrl, setFixedMediaUrl] = useState("");
  const [optin, setOptin] = useState(false);
  const [typedCount, setTypedCount] = useState("");
  const [testPhone, setTestPhone] = useState("");
  const [testResult, setTestResult] = useState<TestSendResult | null>(null);
  const [startError, setStartError] = useState<{ message: string; fields: Record<string, string> } | null>(
    null,
  );
  const [testing, startTesting] = useTransition();
  const [starting, startStarting] = useTransition();
  const list = useListWorker();

  const template = approved.find((candidate) => candidate.uuid === templateUuid);
  const rules: ListRules | null = template ? rulesFor(template, fixedMediaUrl) : null;

  // A list given with the page (the failed rows of another broadcast) is read at once.
  const { parse } = list;
  useEffect(() => {
    if (initial?.csv) parse(initial.csv);
  }, [initial, parse]);

  // A new header or template: guess the columns again.
  const header = list.parsed?.header;
  const variableCount = rules?.variableCount;
  const needsMedia = rules?.needsMedia;
  const [guessedFor, setGuessedFor] = useState<string | null>(null);
  const guessKey =
    header && variableCount !== undefined ? `${header.join("\u0000")}|${variableCount}|${needsMedia}` : null;
  if (guessKey !== guessedFor) {
    setGuessedFor(guessKey);
    setMapping(
      header && variableCount !== undefined
        ? guessMapping(header, { variableCount, needsMedia: !!needsMedia })
        : null,
    );
  }

  // Check the list whenever what it is checked against changes (the worker keeps the parsed rows).
  const { validate } = list;
  const rulesKey = rules ? JSON.stringify(rules) : null;
  useEffect(() => {
    if (!mapping || !rulesKey || !list.parsed) return;
    const timer = setTimeout(() => validate(mapping, JSON.parse(rulesKey) as ListRules), 150);
    return () => clearTimeout(timer);
  }, [mapping, rulesKey, list.parsed, validate]);

  const report = list.report;
  const count = report?.recipients.length ?? 0;
  const needsTypedCount = count > TYPED_CONFIRMATION_ABOVE;
  const countConfirmed = !needsTypedCount || Number(typedCount.replace(/[\s,.]/g, "")) === count;
  const canStart = Boolean(template && report && count > 0 && optin && countConfirmed && !list.busy);

  const readPasted = () => {
    setFile(null);
    if (pasted.trim() === "") list.clear();
    else list.parse(pasted);
  };

  const start = () =>
    startStarting(async () => {
      setStartError(null);
      const csv = file ? await file.text() : pasted;
      const response = await fetch("/api/broadcasts", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          templateUuid,
          channelUuid,
          ratePerSecond: Number(rate),
          fixedMediaUrl,
          csv,
          mapping,
          optin,
          confirmCount: needsTypedCount ? Number(typedCount.replace(/[\s,.]/g, "")) : undefined,
          retryOfId: initial?.retryOfId ?? undefined,
        }),
      }).catch(() => null);
      const answer = readStartAnswer(response?.status ?? null, await response?.json().catch(() => null));
      if (answer.ok) {
        router.push(`/broadcasts/${answer.id}`);
        return;
      }
      setStartError({ message: answer.message, fields: answer.fieldErrors });
    });

  const test = () =>
    startTesting(async () => {
      const first = report?.recipients[0];
      if (!template || !first) return;
      setTestResult(
        await sendTest({
          phone: testPhone,
          templateUuid: template.uuid,
          channelUuid,
          values: first.values,
          mediaUrl: first.mediaUrl ?? fixedMediaUrl,
          templateHeader: templateMediaHeader(template) ?? "",
        }).catch(() => ({ ok: false as const, message: "Bellhop's server did not answer: try again." })),
      );
    });

  const columnOptions = (list.parsed?.header ?? []).map((name, index) => (
    <option key={index} value={index}>
      {name || `Column ${index + 1}`}
    </option>
  ));
  const rateError =
    Number.isInteger(Number(rate)) && Number(rate) >= 1 && Number(rate) <= 100
      ? startError?.fields.ratePerSecond
      : "Between 1 and 100 sends a second";

  return (
    <form
      className="grid gap-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (canStart) start();
      }}
    >
      <section aria-labelledby="bw-message" className="grid gap-4 rounded-lg border p-4">
        <h2 id="bw-message" className="font-medium">
          1. Template and channel
        </h2>
        {templatesError && (
          <p role="alert" className="text-sm text-destructive">
            The templates could not be read from Callbell: {templatesError}
          </p>
        )}
        <div className="grid items-start gap-4 sm:grid-cols-3">
          <Field>
            <FieldLabel htmlFor="bw-template">Template</FieldLabel>
            <NativeSelect
              {...fieldAria("bw-template", startError?.fields.templateUuid)}
              value={templateUuid}
              onChange={(event) => setTemplateUuid(event.target.value)}
            >
              <option value="">Choose an approved template</option>
              {approved.map((candidate) => (
                <option key={candidate.uuid} value={candidate.uuid}>
                  {candidate.title}
                </option>
              ))}
            </NativeSelect>
            <FieldError id="bw-template-error">{startError?.fields.templateUuid}</FieldError>
          </Field>
          <Field>
            <FieldLabel htmlFor="bw-channel">Channel</FieldLabel>
            <NativeSelect
              {...fieldAria("bw-channel", startError?.fields.channelUuid, !channels?.length)}
              value={channelUuid}
              onChange={(event) => setChannelUuid(event.target.value)}
            >
              {!channels?.length && <option value="">No channel available</option>}
              {(channels ?? []).map((channel) => (
                <option key={channel.uuid} value={channel.uuid}>
                  {channel.title}
                  {channel.main ? " (main)" : ""}
                </option>
              ))}
            </NativeSelect>
            {!channels?.length && (
              <FieldDescription id="bw-channel-description" tone="warning">
                {channels === null
                  ? `The WhatsApp channels could not be read from Callbell (${channelsError ?? "unknown error"}): reload the page to try again.`
                  : "This Callbell account has no active WhatsApp channel, so no template can be sent."}
              </FieldDescription>
            )}
            <FieldError id="bw-channel-error">{startError?.fields.channelUuid}</FieldError>
          </Field>
          <Field>
            <FieldLabel htmlFor="bw-rate">Sends per second</FieldLabel>
            <Input
              {...fieldAria("bw-rate", rateError, true)}
              type="number"
              min={1}
              max={100}
              value={rate}
              onChange={(event) => setRate(event.target.value)}
            />
            <FieldDescription id="bw-rate-description">10 by default, at most 100.</FieldDescription>
            <FieldError id="bw-rate-error">{rateError}</FieldError>
          </Field>
        </div>
        {template && (
          <p className="text-sm text-muted-foreground">
            {template.text} · {rules?.variableCount ?? 0} value(s)
            {rules?.needsMedia ? ` · ${templateMediaHeader(template)} header` : ""}
          </p>
        )}
      </section>

      <section aria-labelledby="bw-recipients" className="grid gap-4 rounded-lg border p-4">
        <h2 id="bw-recipients" className="font-medium">
          2. Recipients
        </h2>
        <p className="text-sm text-muted-foreground">
          A header row, then one row per customer: the phone number with its country code (or the
          customer&apos;s BSUID), one column per template value ({"{{1}}"}, {"{{2}}"}, …), and a media URL
          column for a media-header template.
        </p>
        <Field>
          <FieldLabel htmlFor="bw-file">Recipients file</FieldLabel>
          <Input
            id="bw-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen) list.parse(chosen);
              else list.clear();
            }}
          />
        </Field>
        <Field>
          <FieldLabel htmlFor="bw-pasted">Or paste the rows</FieldLabel>
          <Textarea
            id="bw-pasted"
            value={pasted}
            placeholder={"phone,1,2\n+31612345678,Jo,5 pm"}
            onChange={(event) => setPasted(event.target.value)}
            mono
          />
        </Field>
        <div>
          <Button type="button" variant="outline" onClick={readPasted} disabled={list.busy}>
            Read pasted rows
          </Button>
        </div>
        <p role="status" className="text-sm">
          {list.busy
            ? "Reading the list…"
            : list.error
              ? `The list could not be read: ${list.error}`
              : list.parsed
                ? `Read ${list.parsed.rowCount.toLocaleString("en")} row(s) and the header in ${Math.round(list.parsed.ms)} ms${file ? ` from ${file.name}` : ""}.`
                : ""}
        </p>
        {list.parsed?.errors.map((error) => (
          <p key={error} className="text-sm text-amber-800">
            {error}
          </p>
        ))}
      </section>

      {list.parsed && rules && mapping && (
        <section aria-labelledby="bw-columns" className="grid gap-4 rounded-lg border p-4">
          <h2 id="bw-columns" className="font-medium">
            3. Columns
          </h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field>
              <FieldLabel htmlFor="bw-col-phone">Phone column</FieldLabel>
              <NativeSelect
                id="bw-col-phone"
                value={mapping.phone}
                onChange={(event) => setMapping({ ...mapping, phone: Number(event.target.value) })}
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
                    setMapping({ ...mapping, values });
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
                      setMapping({
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
                      value={fixedMediaUrl}
                      placeholder="https://example.com/notice.pdf"
                      onChange={(event) => setFixedMediaUrl(event.target.value)}
                    />
                  </Field>
                )}
              </>
            )}
          </div>
        </section>
      )}

      {report && template && (
        <section aria-labelledby="bw-report" className="grid gap-3 rounded-lg border p-4">
          <h2 id="bw-report" className="font-medium">
            4. Validation report
          </h2>
          <ul className="grid gap-1 text-sm" aria-label="Report summary">
            <li>
              <strong>{count.toLocaleString("en")}</strong> recipient(s) ready
            </li>
            <li>
              <strong>{report.invalid.length.toLocaleString("en")}</strong> row(s) with problems, left out
            </li>
            <li>
              <strong>{report.duplicates.toLocaleString("en")}</strong> duplicate row(s) merged: each number
              gets the message once
            </li>
            <li className="text-muted-foreground">
              Checked {report.totalRows.toLocaleString("en")} row(s) in {Math.round(report.ms)} ms
            </li>
          </ul>
          {report.invalid.length > 0 && (
            <div className="max-h-80 overflow-auto rounded border">
              <table aria-label="Rows with problems" className="w-full text-left text-sm">
                <thead className="bg-muted">
                  <tr>
                    <th className="px-2 py-1">Row</th>
                    <th className="px-2 py-1">Phone</th>
                    <th className="px-2 py-1">Problems</th>
                  </tr>
                </thead>
                <tbody>
                  {report.invalid.slice(0, REPORT_ROWS_SHOWN).map((row) => (
                    <tr key={row.rowNumber} className="border-t">
                      <td className="px-2 py-1">{row.rowNumber}</td>
                      <td className="px-2 py-1 font-mono text-xs">{row.phone || "—"}</td>
                      <td className="px-2 py-1">{row.problems.join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.invalid.length > REPORT_ROWS_SHOWN && (
                <p className="p-2 text-sm text-muted-foreground">
                  and {(report.invalid.length - REPORT_ROWS_SHOWN).toLocaleString("en")} more
                </p>
              )}
            </div>
          )}
          {report.recipients.some((recipient) => recipient.copies > 1) && (
            <p className="text-sm text-muted-foreground">
              Merged:{" "}
              {report.recipients
                .filter((recipient) => recipient.copies > 1)
                .slice(0, 5)
                .map((recipient) => `${recipient.phone} ×${recipient.copies}`)
                .join(", ")}
            </p>
          )}
        </section>
      )}

      {report && template && count > 0 && (
        <section aria-labelledby="bw-preview" className="grid gap-3 rounded-lg border p-4">
          <h2 id="bw-preview" className="font-medium">
            5. Broadcast preview
          </h2>
          <div className="grid gap-4 md:grid-cols-3">
            {report.recipients.slice(0, 3).map((recipient) => (
              <figure key={recipient.rowNumber} className="grid gap-1">
                <figcaption className="text-xs text-muted-foreground">
                  Row {recipient.rowNumber} · {recipient.phone}
                </figcaption>
                <MessageBubble preview={previewFor(template, recipient, fixedMediaUrl)} emptyText="" />
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
              <Button
                type="button"
                variant="outline"
                onClick={test}
                disabled={testing || testPhone.trim() === ""}
              >
                Send test
              </Button>
            </div>
            {testResult && (
              <p role={testResult.ok ? "status" : "alert"} className="text-sm">
                {testResult.message}
              </p>
            )}
          </div>
        </section>
      )}

      {report && template && count > 0 && (
        <section aria-labelledby="bw-confirm" className="grid gap-3 rounded-lg border p-4">
          <h2 id="bw-confirm" className="font-medium">
            6. Confirm
          </h2>
          <p className="text-sm" data-testid="broadcast-summary">
            Send <strong>{template.title}</strong> to <strong>{count.toLocaleString("en")}</strong> recipient
            {count === 1 ? "" : "s"} ({numberInWords(count)}), {Number(rate) || 10} a second
            {count > 0 ? `, about ${Math.max(1, Math.ceil(count / (Number(rate) || 10)))} s` : ""}.
          </p>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={optin} onChange={(event) => setOptin(event.target.checked)} />
            Every recipient opted in to receive this template
          </label>
          {needsTypedCount && (
            <Field className="max-w-xs">
              <FieldLabel htmlFor="bw-typed-count">Type the number of recipients</FieldLabel>
              <Input
                {...fieldAria("bw-typed-count", startError?.fields.confirmCount, true)}
                inputMode="numeric"
                value={typedCount}
                onChange={(event) => setTypedCount(event.target.value)}
              />
              <FieldDescription id="bw-typed-count-description">
                {count.toLocaleString("en")} recipients: type {count} to confirm.
              </FieldDescription>
              <FieldError id="bw-typed-count-error">{startError?.fields.confirmCount}</FieldError>
            </Field>
          )}
          {startError && (
            <p role="alert" className="text-sm text-destructive">
              {startError.message}
            </p>
          )}
          <div>
            <Button type="submit" disabled={!canStart || starting}>
              Start broadcast
            </Button>
          </div>
        </section>
      )}
    </form>
  );
}
