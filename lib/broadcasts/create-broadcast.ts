import "server-only";
import { z } from "zod";
import type { ChannelSummary } from "@/lib/callbell/types";
import { createBroadcast, findBroadcast, findBroadcastByIdempotencyKey } from "@/lib/db/broadcast-queries";
import type { Database } from "@/lib/db/client";
import type { BroadcastRow } from "@/lib/db/schema";
import { IDEMPOTENCY_KEY_PATTERN } from "@/lib/messages/idempotency";
import { isSendableTemplate, templateMediaHeader, type TemplateSummary } from "@/lib/messages/template";
import {
  DEFAULT_RATE_PER_SECOND,
  MAX_RECIPIENTS,
  RATE_NOT_A_NUMBER,
  confirmCountProblem,
  rateProblem,
} from "./limits";
import { countOf } from "@/lib/format/plural";
import { readScheduleTime } from "@/lib/messages/schedule-time";
import { parseRecipientCsv } from "./parse-csv";
import { sendingHoursSchema } from "./sending-hours";
import { rulesFor, type ListReport } from "./recipient-list";
import { validateList } from "./validate-list";

const column = z.number().int().min(-1).max(200);

/** What the wizard posts to `POST /api/broadcasts`: the list as parsed, its mapping, and the confirmations. */
export const newBroadcastSchema = z.object({
  name: z.string().trim().max(100).default(""),
  templateUuid: z.string().trim().min(1, "Choose a template"),
  channelUuid: z.string().trim().min(1, "Choose a channel").max(100),
  ratePerSecond: z
    .number({ message: RATE_NOT_A_NUMBER })
    .default(DEFAULT_RATE_PER_SECOND)
    .superRefine((rate, context) => {
      const problem = rateProblem(rate);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  fixedMediaUrl: z.string().max(2000).default(""),
  /** The list as the agent gave it (file or pasted rows); parsed here as the browser parsed it. */
  csv: z
    .string()
    .min(1, "Give the recipients: a CSV file or pasted rows")
    .max(10 * 1024 * 1024),
  mapping: z.object({ phone: column, values: z.array(column).max(100), mediaUrl: column.nullable() }),
  optin: z.literal(true, { message: "Confirm that every recipient opted in to receive this template" }),
  confirmCount: z.number().int().optional(),
  retryOfId: z.number().int().positive().optional(),
  /**
   * Made once per confirmation by the wizard: a repeated start answers with the broadcast the first one made. Optional
   * for scripts that post the list themselves (without one, every request starts a broadcast).
   */
  idempotencyKey: z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, "This start has no valid idempotency key: reload the page")
    .optional(),
  /** `Start at …`: a wall-clock time (`2026-11-28T09:00`) and its zone; absent to start now. */
  startAt: z.object({ local: z.string().max(40), zone: z.string().max(64) }).optional(),
  /** Sending hours: it sends only between `from` and `to` (in `zone`) on `days`; absent for any time. */
  sendingHours: sendingHoursSchema.optional(),
});

export type NewBroadcastInput = z.input<typeof newBroadcastSchema>;

export type CreateResult =
  | {
      ok: true;
      id: number;
      name: string;
      recipients: number;
      retryOfId: number | null;
      /** When it starts, for one started later (UTC); null when it started now. */
      scheduledFor: string | null;
      /** The start was a repeat of one already made: nothing new was stored. */
      repeated: boolean;
    }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/**
 * Checks everything again on the server (the browser's report is a convenience), then stores the broadcast with its
 * frozen list. Nothing is sent here: the caller starts the dispatcher.
 */
export async function createBroadcastFromInput(
  input: unknown,
  deps: {
    db: Database;
    templates: TemplateSummary[] | null;
    /** The account's active WhatsApp channels (templates are WhatsApp's), or null when they could not be read. */
    channels: ChannelSummary[] | null;
    creator: { id: string; email: string };
  },
): Promise<CreateResult & { report?: ListReport }> {
  const parsed = newBroadcastSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, message: "Some fields need attention", fieldErrors };
  }
  const form = parsed.data;
  const first = form.idempotencyKey && (await findBroadcastByIdempotencyKey(deps.db, form.idempotencyKey));
  if (first) return repeatOf(first, deps.creator);
  let scheduledFor: Date | null = null;
  if (form.startAt) {
    const time = readScheduleTime(form.startAt, Date.now(), "choose Start now");
    if ("problem" in time)
      return { ok: false, message: time.problem, fieldErrors: { startAt: time.problem } };
    scheduledFor = time.at;
  }
  if (!deps.templates) {
    return {
      ok: false,
      message: "The templates could not be read from Callbell, so the list cannot be checked: try again",
      fieldErrors: {},
    };
  }
  if (!deps.channels) {
    return {
      ok: false,
      message:
        "The WhatsApp channels could not be read from Callbell, so the channel cannot be checked: try again",
      fieldErrors: {},
    };
  }
  if (!deps.channels.some((channel) => channel.uuid === form.channelUuid)) {
    const message = "Choose an active WhatsApp channel of your Callbell account";
    return { ok: false, message, fieldErrors: { channelUuid: message } };
  }
  // The page and the audit trail name the broadcast this one retries: it must be one.
  if (form.retryOfId !== undefined && !(await findBroadcast(deps.db, form.retryOfId))) {
    const message = `There is no broadcast ${form.retryOfId} to retry`;
    return { ok: false, message, fieldErrors: { retryOfId: message } };
  }
  const template = deps.templates.find((candidate) => candidate.uuid === form.templateUuid);
  if (!template || !isSendableTemplate(template)) {
    return {
      ok: false,
      message: "Choose an approved template",
      fieldErrors: { templateUuid: "Choose an approved template" },
    };
  }
  const { list } = parseRecipientCsv(form.csv);
  if (list.rows.length > MAX_RECIPIENTS + 10_000) {
    return { ok: false, message: `At most ${MAX_RECIPIENTS} recipients in one broadcast`, fieldErrors: {} };
  }
  const report = validateList(list, form.mapping, rulesFor(template, form.fixedMediaUrl));
  const count = report.recipients.length;
  if (count === 0) {
    return { ok: false, message: "No row of the list can be sent: see the report", fieldErrors: {}, report };
  }
  const confirmProblem = confirmCountProblem(count, form.confirmCount);
  if (confirmProblem) {
    return {
      ok: false,
      message: `Type the number of recipients, ${count}, to confirm`,
      fieldErrors: { confirmCount: confirmProblem },
    };
  }
  const header = templateMediaHeader(template);
  const broadcast = await createBroadcast(
    deps.db,
    {
      name: form.name || `${template.title}, ${countOf(count, "recipient")}`,
      createdById: deps.creator.id,
      createdByEmail: deps.creator.email,
      platform: "whatsapp",
      channelUuid: form.channelUuid,
      templateUuid: template.uuid,
      templateTitle: template.title,
      templateHeader: header ?? "",
      mediaUrl: header && form.mapping.mediaUrl === null ? form.fixedMediaUrl.trim() : null,
      ratePerSecond: form.ratePerSecond,
      retryOfId: form.retryOfId ?? null,
      idempotencyKey: form.idempotencyKey ?? null,
      scheduledFor,
      scheduledZone: form.startAt?.zone ?? null,
      sendingHours: form.sendingHours ? JSON.stringify(form.sendingHours) : null,
    },
    report.recipients.map((recipient) => ({
      rowNumber: recipient.rowNumber,
      phone: recipient.phone,
      values: JSON.stringify(recipient.values),
      mediaUrl: recipient.mediaUrl,
    })),
  );
  if (broadcast.repeated) return repeatOf(broadcast, deps.creator);
  return {
    ok: true,
    id: broadcast.id,
    name: broadcast.name,
    recipients: count,
    retryOfId: broadcast.retryOfId,
    scheduledFor: broadcast.scheduledFor?.toISOString() ?? null,
    repeated: false,
  };
}

/** The answer to a start whose key a stored broadcast has: that broadcast, if the same agent made it. */
function repeatOf(first: BroadcastRow, creator: { id: string }): CreateResult {
  if (first.createdById !== creator.id) {
    const message = "This start's idempotency key was used before: reload the page";
    return { ok: false, message, fieldErrors: { idempotencyKey: message } };
  }
  return {
    ok: true,
    id: first.id,
    name: first.name,
    recipients: first.totalRows,
    retryOfId: first.retryOfId,
    scheduledFor: first.scheduledFor?.toISOString() ?? null,
    repeated: true,
  };
}
