"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import {
  DEFAULT_RATE_PER_SECOND,
  MAX_RATE_PER_SECOND,
  MIN_RATE_PER_SECOND,
  confirmCountProblem,
  needsTypedCount,
  parseRate,
  parseTypedCount,
  rateProblem,
} from "@/lib/broadcasts/limits";
import type { RetryList } from "@/lib/broadcasts/failed-rows";
import { guessMapping, rulesFor, type ColumnMapping, type ListRules } from "@/lib/broadcasts/recipient-list";
import { readStartAnswer } from "@/lib/broadcasts/results";
import type { ChannelSummary } from "@/lib/callbell/types";
import { defaultChannel } from "@/lib/messages/channels";
import { newIdempotencyKey } from "@/lib/messages/idempotency";
import { isSendableTemplate, type TemplateSummary } from "@/lib/messages/template";
import type { BroadcastTimingState } from "./use-broadcast-timing";
import { useBroadcastDraft } from "./use-broadcast-draft";
import { useListWorker } from "./use-list-worker";

/** What the agent types into the wizard; the list itself lives in the worker, the column mapping beside it. */
export type BroadcastFormValues = {
  templateUuid: string;
  channelUuid: string;
  /** Sends per second, as typed. */
  rate: string;
  pasted: string;
  fixedMediaUrl: string;
  optin: boolean;
  /** The count typed again to confirm a large list. */
  typedCount: string;
};

/** The wizard's text fields (everything but the opt-in box). */
type TextField = {
  [K in keyof BroadcastFormValues]: BroadcastFormValues[K] extends string ? K : never;
}[keyof BroadcastFormValues];

/** A message per field, from the browser's own check (the pace) or from the server's answer. */
export type BroadcastFormErrors = Partial<Record<keyof BroadcastFormValues, string>>;

/** The server's field names for the wizard's fields. */
const SERVER_FIELDS = {
  templateUuid: "templateUuid",
  channelUuid: "channelUuid",
  ratePerSecond: "rate",
  confirmCount: "typedCount",
} as const satisfies Record<string, keyof BroadcastFormValues>;

/**
 * The wizard's form: its values, each field's error and the start's. Not react-hook-form, which took
 * `/broadcasts/new` past its page-weight budget (docs/development.md#benchmarks); seven fields and one rule need no
 * library.
 * A server error on a field lasts until that field changes or the next start; the pace is checked as it is typed.
 */
function useFormState(initialValues: () => BroadcastFormValues) {
  const [values, setValues] = useState(initialValues);
  const [serverErrors, setServerErrors] = useState<BroadcastFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof BroadcastFormValues>(name: K, value: BroadcastFormValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setServerErrors((current) => {
      if (!(name in current)) return current;
      const rest = { ...current };
      delete rest[name];
      return rest;
    });
  };
  const rateError = rateProblem(parseRate(values.rate)) ?? serverErrors.rate;
  const errors: BroadcastFormErrors = rateError ? { ...serverErrors, rate: rateError } : serverErrors;

  return {
    values,
    errors,
    serverError,
    submitting,
    set,
    /** A text input's, select's or textarea's value and change handler. */
    field: (name: TextField) => ({
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => set(name, event.target.value),
    }),
    /** Runs a start: the errors of the last one cleared first; nothing while one is under way. */
    submit: async (run: () => Promise<{ message: string; fields: BroadcastFormErrors } | null>) => {
      if (submitting) return;
      setServerErrors({});
      setServerError(null);
      setSubmitting(true);
      const failure = await run().finally(() => setSubmitting(false));
      if (failure) {
        setServerError(failure.message);
        setServerErrors(failure.fields);
      }
    },
  };
}

export type BroadcastForm = ReturnType<typeof useFormState>;

/**
 * The broadcast wizard's state: the form, the list parsed and checked in a worker, the column mapping guessed from
 * its header, and the start, whose answer is read field by field.
 */
export function useBroadcastForm({
  owner,
  templates,
  channels,
  initial,
  timing,
}: {
  /** The signed-in person's id: the wizard's draft is theirs. */
  owner: string;
  templates: TemplateSummary[] | null;
  channels: ChannelSummary[] | null;
  initial: RetryList | null;
  /** When it starts and the hours it may send in (the confirm step's). */
  timing: BroadcastTimingState;
}) {
  const router = useRouter();
  const approved = useMemo(() => (templates ?? []).filter(isSendableTemplate), [templates]);
  const form = useFormState(() => ({
    templateUuid: initial?.templateUuid ?? "",
    // A retried broadcast keeps its channel while the account still has it; else the main WhatsApp channel.
    channelUuid:
      initial && channels?.some((channel) => channel.uuid === initial.channelUuid)
        ? initial.channelUuid
        : (defaultChannel(channels)?.uuid ?? ""),
    rate: String(DEFAULT_RATE_PER_SECOND),
    pasted: initial?.csv ?? "",
    fixedMediaUrl: "",
    optin: false,
    typedCount: "",
  }));
  const { templateUuid, fixedMediaUrl, optin, typedCount } = form.values;
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const list = useListWorker();
  // One key per confirmation: a start sent again (a double submit, a retry after no answer) finds the broadcast the
  // first made. Anything that changes what would be started makes a new one.
  const [startKey, setStartKey] = useState(newIdempotencyKey);
  const confirmation = JSON.stringify([
    form.values,
    file?.name,
    file?.size,
    file?.lastModified,
    mapping,
    timing.timing,
  ]);
  const [keyFor, setKeyFor] = useState(confirmation);
  if (keyFor !== confirmation) {
    setKeyFor(confirmation);
    setStartKey(newIdempotencyKey());
  }

  const template = approved.find((candidate) => candidate.uuid === templateUuid);
  // Stable while the template and the URL are: a change starts a new check of the list.
  const rules: ListRules | null = useMemo(
    () => (template ? rulesFor(template, fixedMediaUrl) : null),
    [template, fixedMediaUrl],
  );

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
  const parsed = list.parsed;
  useEffect(() => {
    if (!mapping || !rules || !parsed) return;
    const timer = setTimeout(() => validate(mapping, rules), 150);
    return () => clearTimeout(timer);
  }, [mapping, rules, parsed, validate]);

  const report = list.report;
  const count = report?.recipients.length ?? 0;
  const countConfirmed = confirmCountProblem(count, parseTypedCount(typedCount)) === null;
  // A pace out of bounds is shown beside its field; until it is fixed, the start says where.
  const paceWrong = Boolean(form.errors.rate);
  const canStart = Boolean(
    template && !paceWrong && report && count > 0 && optin && countConfirmed && !list.busy,
  );
  // Why `Start broadcast` is not available yet, beside it (a greyed-out button says nothing by itself).
  const startHint = canStart
    ? null
    : !template
      ? "Choose a template first."
      : paceWrong
        ? `Set Sends per second in step 1 (${MIN_RATE_PER_SECOND} to ${MAX_RATE_PER_SECOND}) to start.`
        : list.busy
          ? "Checking the list…"
          : !report || count === 0
            ? "Add recipients first: upload a CSV or paste its rows."
            : !optin
              ? "Tick the opt-in box above to start."
              : `Type the number of recipients (${count}) to start.`;

  // A reload brings the wizard back as it was (the list in the paste box, read again, and which file it came from).
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setRestoredFrom(null);
    if (chosen) list.parse(chosen);
    else list.clear();
  };
  const draft = useBroadcastDraft({
    owner,
    form,
    timing,
    file,
    skip: Boolean(initial),
    readList: (text, fileName) => {
      form.set("pasted", text);
      setRestoredFrom(fileName);
      list.parse(text);
    },
  });
  const readPasted = () => {
    setFile(null);
    const pasted = form.values.pasted;
    if (pasted.trim() === "") list.clear();
    else list.parse(pasted);
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    // A pace out of bounds is shown beside its field already; the start goes back to it.
    if (form.errors.rate) {
      document.getElementById("bw-rate")?.focus();
      return;
    }
    const values = form.values;
    return form.submit(async () => {
      const response = await fetch("/api/broadcasts", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          templateUuid: values.templateUuid,
          channelUuid: values.channelUuid,
          ratePerSecond: Number(values.rate),
          fixedMediaUrl: values.fixedMediaUrl,
          csv: file ? await file.text() : values.pasted,
          mapping,
          optin: values.optin,
          confirmCount: needsTypedCount(count) ? parseTypedCount(values.typedCount) : undefined,
          retryOfId: initial?.retryOfId ?? undefined,
          idempotencyKey: startKey,
          ...timing.payload(),
        }),
      }).catch(() => null);
      const body: unknown = await response?.json().catch(() => null);
      const answer = readStartAnswer(response?.status ?? null, body ?? null);
      if (answer.ok) {
        draft.forget();
        router.push(`/broadcasts/${answer.id}`);
        return null;
      }
      timing.takeServerErrors(answer.fieldErrors);
      const fields: BroadcastFormErrors = {};
      for (const [serverField, field] of Object.entries(SERVER_FIELDS)) {
        const message = answer.fieldErrors[serverField];
        if (message) fields[field] = message;
      }
      return { message: answer.message, fields };
    });
  };

  return {
    /** False until the draft is restored: the fields wait, disabled. */
    ready: draft.ready,
    /** The file whose rows a reload put back in the paste box, if any. */
    restoredFrom,
    form,
    approved,
    template,
    rules,
    list,
    file,
    chooseFile,
    readPasted,
    mapping,
    setMapping,
    report,
    count,
    canStart,
    startHint,
    start,
  };
}

export type BroadcastWizardState = ReturnType<typeof useBroadcastForm>;
