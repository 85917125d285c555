import "server-only";
import { IDEMPOTENCY_KEY_PATTERN } from "./idempotency";
import { CallbellError, isCallbellError, type CallbellClient } from "@/lib/callbell";
import { IN_REQUEST_SEND_ATTEMPTS } from "@/lib/callbell/retry-policy";
import type { Database } from "@/lib/db/client";
import {
  findSendByIdempotencyKey,
  recordSendAttempt,
  recordSendOutcome,
  reopenSendForAttempt,
  type NewSend,
} from "@/lib/db/send-queries";
import type { SendRow } from "@/lib/db/schema";
import { applyPendingStatusEvents } from "@/lib/delivery/record-status";
import type { ChannelSummary } from "@/lib/callbell/types";
import { buildSendRequest, requestRecipient, type SendRequest } from "./build-send-request";
import { mapCallbellFieldErrors } from "./callbell-field-errors";
import {
  findTemplate,
  type ComposeContext,
  type ComposeFormValues,
  type ComposeProblem,
} from "./compose-form";
import { parseComposeForm } from "./compose-schema";
import { PLATFORM_VALUES, platformLabel, type Platform } from "./options";
import { mayTryRowAgain, withLastAttempt } from "./send-attempts";
import { resultFromRow, type SendResult } from "./send-result";
import type { TemplateSummary } from "./template";
import { templateValueCount } from "./template-values";

export type SendDependencies = {
  db: Database;
  client: CallbellClient;
  loadTemplates: () => Promise<TemplateSummary[]>;
  /** One platform's active channels (cached): the send's channel must be one of them. */
  loadChannels: (platform: Platform) => Promise<ChannelSummary[]>;
  /** How long a repeated attempt waits for the first one's outcome before it reports it as unknown. */
  waitForInFlightMs: number;
  /** The signed-in user sending, recorded on the row. */
  sender: { id: string; email: string } | null;
  /** How long after an enqueued send the status poller first asks about it (default 5 s). */
  firstPollDelayMs?: number;
  /**
   * Who repeats a send refused with a 429 or a refused connection (see `retry-policy.ts`): the client at once while
   * an agent waits (`now`, the default), or the caller later (`later`: one request here, as the dispatcher wants).
   */
  retry?: "now" | "later";
  /**
   * With `retry: "later"`, which attempt this is (a broadcast row's). A row whose earlier attempt delivered nothing
   * (a 429, or not sent) is sent again on the same history row: one entry per recipient, the attempts in its log.
   */
  attempt?: number;
  /** The broadcast row this send is for, recorded on the history row. */
  origin?: { broadcastId: number; broadcastRowId: number };
  /**
   * Resolves when the request may leave (a broadcast row's slot in its pace): awaited once the send is recorded, just
   * before the request, so that what came before it takes none of its turn.
   */
  leave?: () => Promise<void>;
};

function flattenIssues(issues: ComposeProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}

async function waitForOutcome(deps: SendDependencies, row: SendRow): Promise<SendResult> {
  const deadline = Date.now() + deps.waitForInFlightMs;
  let current: SendRow | undefined = row;
  while (current && current.status === "sending" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = await findSendByIdempotencyKey(deps.db, row.idempotencyKey);
  }
  return (
    (current && resultFromRow(current)) ?? {
      kind: "unknown",
      sendId: row.id,
      message: "This message is still being sent: check the history before sending it again",
    }
  );
}

/** A message checked and built, ready to record: or the answer that refuses it. */
export type PreparedSend =
  | { ok: false; result: Exclude<SendResult, { kind: "enqueued" }> }
  | {
      ok: true;
      form: ComposeFormValues;
      request: SendRequest;
      /** The history row's fields for it (the send, or the message scheduled for later). */
      record: NewSend;
    };

/**
 * Validates with the form's own schema against Callbell's channels (and templates, for one), and builds the request:
 * what a send does before anything is recorded, and what a message sent later does twice, when it is scheduled and
 * when it fires.
 */
export async function prepareSend(input: unknown, deps: SendDependencies): Promise<PreparedSend> {
  const wantsTemplate = (input as { type?: unknown } | null)?.type === "template";
  const platform = (input as { platform?: unknown } | null)?.platform;
  const context: ComposeContext = { templates: [], channels: {} };
  const channelsRead = PLATFORM_VALUES.includes(platform as Platform)
    ? deps.loadChannels(platform as Platform).then(
        (channels) => ({ ok: true as const, channels }),
        (error: unknown) => ({ ok: false as const, error: (error as Error)?.message ?? String(error) }),
      )
    : null;
  if (wantsTemplate) {
    // When Callbell's template list cannot be read, the agent's own rows (uuid, header, values) are checked by the
    // value rules only, and Callbell judges the template itself.
    context.templates = await deps.loadTemplates().catch(() => null);
  }
  const channels = await channelsRead;
  if (channels && !channels.ok) {
    // Without the list the channel cannot be checked, and Callbell requires one: nothing leaves, and since nothing
    // was sent the agent (or the dispatcher) may simply try again.
    const message =
      `Bellhop could not read the ${platformLabel(String(platform))} channels from Callbell (${channels.error}). ` +
      "Nothing was sent: try again.";
    return {
      ok: false,
      result: {
        kind: "rejected",
        sendId: null,
        status: 0,
        notDelivered: true,
        message,
        fieldErrors: { channelUuid: message },
      },
    };
  }
  if (channels) context.channels[platform as Platform] = channels.channels;

  const parsed = parseComposeForm(input, context);
  if (!parsed.success) {
    return {
      ok: false,
      result: {
        kind: "invalid",
        message: "Some fields need attention",
        fieldErrors: flattenIssues(parsed.problems),
      },
    };
  }
  const form = parsed.data;
  if (!IDEMPOTENCY_KEY_PATTERN.test(form.idempotencyKey)) {
    return {
      ok: false,
      result: {
        kind: "invalid",
        message: "This send has no valid idempotency key: reload the page",
        fieldErrors: {},
      },
    };
  }

  const template = wantsTemplate ? findTemplate(context, form.templateUuid) : undefined;
  const request = buildSendRequest(form, template);
  const record: NewSend = {
    idempotencyKey: form.idempotencyKey,
    recipient: requestRecipient(request),
    platform: form.platform,
    messageType: form.type,
    channelUuid: request.channel_uuid,
    templateUuid: request.template_uuid ?? null,
    templateTitle: template?.title ?? null,
    templateValueCount: templateValueCount(form),
    requestBody: JSON.stringify(request),
    senderId: deps.sender?.id ?? null,
    senderEmail: deps.sender?.email ?? null,
    broadcastId: deps.origin?.broadcastId ?? null,
    broadcastRowId: deps.origin?.broadcastRowId ?? null,
    attempts: deps.attempt ?? 1,
  };
  return { ok: true, form, request, record };
}

/**
 * The send use-case: validate with the form's own schema, record the attempt, call Callbell once, record the outcome.
 * A repeated idempotency key returns the first attempt's outcome instead of sending again.
 */
export async function sendComposedMessage(input: unknown, deps: SendDependencies): Promise<SendResult> {
  const prepared = await prepareSend(input, deps);
  if (!prepared.ok) return prepared.result;
  const { form, request, record } = prepared;
  const recorded = await recordSendAttempt(deps.db, record);
  const row = recorded.created ? recorded.row : await reopenForLaterAttempt(deps, recorded.row);
  if (!row) {
    const current = (await findSendByIdempotencyKey(deps.db, form.idempotencyKey)) ?? recorded.row;
    return resultFromRow(current) ?? waitForOutcome(deps, current);
  }
  await deps.leave?.();
  return deliverSend(deps, row, request, form);
}

/** Calls Callbell once for a row already `sending`, and records what it answered (or that nobody can tell). */
export async function deliverSend(
  deps: SendDependencies,
  row: SendRow,
  request: SendRequest,
  form: ComposeFormValues,
): Promise<SendResult> {
  try {
    const response = await deps.client.sendMessage(request, {
      attempts: deps.retry === "later" ? 1 : IN_REQUEST_SEND_ATTEMPTS,
    });
    const contactName = response.contact?.name ?? null;
    await recordSendOutcome(deps.db, row.id, {
      status: "enqueued",
      callbellUuid: response.uuid,
      responseBody: JSON.stringify(response.raw),
      contactName,
      // Callbell reports delivery statuses for WhatsApp only: other platforms' messages stay enqueued, unpolled.
      nextPollAt:
        form.platform === "whatsapp" ? new Date(Date.now() + (deps.firstPollDelayMs ?? 5_000)) : null,
    });
    // A webhook may have been faster than Callbell's answer: its statuses wait for the uuid, and apply now.
    if (response.uuid) await applyPendingStatusEvents(deps.db, row.id, response.uuid);
    return { kind: "enqueued", sendId: row.id, uuid: response.uuid, contactName };
  } catch (error) {
    if (!isCallbellError(error)) {
      // Something of ours failed after the row was written: whether Callbell got the message is not known.
      await recordSendOutcome(deps.db, row.id, {
        status: "unknown",
        errorMessage: `Bellhop failed while sending: ${(error as Error)?.message ?? String(error)}`,
      });
      throw error;
    }
    return recordFailure(deps, row.id, error, form);
  }
}

/** The row again for the caller's later attempt, when the policy allows one on it; undefined otherwise. */
async function reopenForLaterAttempt(deps: SendDependencies, row: SendRow): Promise<SendRow | undefined> {
  const attempt = deps.attempt;
  if (deps.retry !== "later" || !attempt || row.attempts >= attempt || !mayTryRowAgain(row)) return undefined;
  return reopenSendForAttempt(deps.db, row.id, attempt, withLastAttempt(row));
}

async function recordFailure(
  deps: SendDependencies,
  sendId: number,
  error: CallbellError,
  form: Pick<ComposeFormValues, "type">,
): Promise<SendResult> {
  // A refusal (4xx) surely sent nothing; a 5xx may come after Callbell took the message, so, like no answer at all,
  // it leaves the outcome unknown: never sent again automatically, nor counted as "will not reach the customer".
  const surelyNotSent = (error.kind === "http" && error.status < 500) || error.notDelivered;
  if (surelyNotSent) {
    await recordSendOutcome(deps.db, sendId, {
      // Refused by Callbell, or never reached it: two outcomes an agent acts on differently.
      status: error.notDelivered ? "not_sent" : "rejected",
      errorMessage: error.message,
      errorStatus: error.status,
      // Callbell's own words, as the detail page shows them under "Callbell's answer".
      responseBody: error.body ?? null,
    });
    return {
      kind: "rejected",
      sendId,
      status: error.status,
      notDelivered: error.notDelivered,
      message: error.message,
      fieldErrors: mapCallbellFieldErrors(error.fieldErrors, form),
    };
  }
  const message =
    // Kept on the history row and its detail page: the advice points at Callbell, not back at the history.
    `${error.message}. The message may or may not have gone out: check the customer's conversation in Callbell ` +
    "before sending it again.";
  await recordSendOutcome(deps.db, sendId, {
    status: "unknown",
    errorMessage: message,
    errorStatus: error.status,
    // Callbell's own words for its failure, when it answered (a 5xx), as for a refusal.
    responseBody: error.body ?? null,
  });
  return { kind: "unknown", sendId, message, ...(error.status ? { status: error.status } : {}) };
}
