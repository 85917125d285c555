"use client";

import dynamic from "next/dynamic";
import type { RetryList } from "@/lib/broadcasts/failed-rows";
import type { ChannelSummary } from "@/lib/callbell/types";
import type { TemplateSummary } from "@/lib/messages/template";
import { useBroadcastForm } from "./use-broadcast-form";
import { useBroadcastTiming } from "./use-broadcast-timing";
import { ColumnsStep } from "./wizard-columns-step";
import type { SendTestAction } from "./wizard-preview-step";
import { RecipientsStep } from "./wizard-recipients-step";
import { TemplateStep } from "./wizard-template-step";

// The steps after the list are loaded once there is a report to show: the page's first load carries the form alone
// (its page-weight budget), and the list takes longer to read than these take to arrive.
const ReportStep = dynamic(() => import("./wizard-report-step").then((module) => module.ReportStep));
const PreviewStep = dynamic(() => import("./wizard-preview-step").then((module) => module.PreviewStep));
const ConfirmStep = dynamic(() => import("./wizard-confirm-step").then((module) => module.ConfirmStep));

/**
 * The broadcast wizard: template and channel, the recipients (a CSV file or pasted rows, parsed and checked in a
 * worker), the columns, the report, a preview of the first messages, a test send, and the confirmation. Each step
 * appears once the one before it has what it needs.
 */
export function BroadcastWizard({
  templates,
  templatesError,
  channels,
  channelsError,
  initial,
  sendTest,
  owner,
}: {
  /** The signed-in person's id: the wizard's draft is theirs. */
  owner: string;
  templates: TemplateSummary[] | null;
  templatesError: string | null;
  /** The account's active WhatsApp channels (templates are WhatsApp's), or null when they could not be read. */
  channels: ChannelSummary[] | null;
  channelsError: string | null;
  /** The failed rows of another broadcast, as a new list to check and confirm again. */
  initial: RetryList | null;
  sendTest: SendTestAction;
}) {
  const timing = useBroadcastTiming();
  const wizard = useBroadcastForm({ owner, templates, channels, initial, timing });
  const { list, template, rules, mapping, report, count } = wizard;
  return (
    <form
      // One column that may shrink below its content: a wide table scrolls inside its step, not the page.
      className="grid grid-cols-1 gap-6"
      noValidate
      onSubmit={(event) => {
        if (wizard.canStart) void wizard.start(event);
        else event.preventDefault();
      }}
    >
      {/* Disabled until a draft kept before a reload is restored: nothing typed first is overwritten. */}
      <fieldset disabled={!wizard.ready} aria-busy={!wizard.ready} className="contents">
        <TemplateStep
          form={wizard.form}
          approved={wizard.approved}
          templatesError={templatesError}
          channels={channels}
          channelsError={channelsError}
          template={template}
          rules={rules}
        />
        <RecipientsStep
          form={wizard.form}
          list={list}
          file={wizard.file}
          onFile={wizard.chooseFile}
          onReadPasted={wizard.readPasted}
          restoredFrom={wizard.restoredFrom}
          templateChosen={Boolean(template)}
        />
        {list.parsed && rules && mapping && (
          <ColumnsStep
            form={wizard.form}
            header={list.parsed.header}
            rules={rules}
            mapping={mapping}
            onMapping={wizard.setMapping}
          />
        )}
        {report && template && <ReportStep report={report} />}
        {report && template && count > 0 && (
          <PreviewStep
            form={wizard.form}
            template={template}
            recipients={report.recipients}
            sendTest={sendTest}
          />
        )}
        {report && template && count > 0 && (
          <ConfirmStep
            form={wizard.form}
            template={template}
            count={count}
            timing={timing}
            canStart={wizard.canStart}
            startHint={wizard.startHint}
          />
        )}
      </fieldset>
    </form>
  );
}
