"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { SEND_STATUSES, sendStatusLabel } from "@/lib/db/constants";
import { countInWords } from "@/lib/history/count-words";
import { REPLIED, type FilterKey, type HistoryFilters } from "@/lib/history/filters";
import { MESSAGE_TYPES } from "@/lib/messages/options";

export type FilterOptions = {
  templates: { uuid: string; title: string | null }[];
  channels: { uuid: string; title: string }[];
  senders: { id: string; email: string }[];
};

type Props = {
  filters: HistoryFilters;
  counts: Partial<Record<string, number>> | undefined;
  /** False: the counts are estimates (very many sends match), said "about". */
  exact: boolean;
  /** How many of them a customer answered (undefined while counting). */
  replied: number | undefined;
  /** Whether Bellhop can know of replies (the webhook is set up): else the Replied choice says it cannot. */
  repliesKnown: boolean;
  options: FilterOptions;
  /** Changes some filters; the others stay as they are. */
  onChange: (patch: Partial<HistoryFilters>) => void;
  /** The address's own values of the typed filters, kept in their fields when they are not understood. */
  raw: { q?: string; from?: string; to?: string };
  /** Why a filter in the address is not understood, shown under its field. */
  errors: Partial<Record<FilterKey, string>>;
};

const SEARCH_DELAY_MS = 300;

/** A filter's problem under its field, as a sentence (the alert quotes it after the filter's name). */
const asSentence = (text: string | undefined) => text && text.charAt(0).toUpperCase() + text.slice(1);

/** The filters behind the `Filters` button on a phone. */
const MORE_FILTERS = ["type", "template", "channel", "sender", "from", "to"] as const;

/** The history's filters; every change goes to the URL (by `onChange`), so a link shares the view. */
export function HistoryFiltersBar({
  filters,
  counts,
  exact,
  replied,
  repliesKnown,
  options,
  onChange,
  raw,
  errors,
}: Props) {
  // The address is the truth: going back or opening a link puts its search in the box, and a search it cannot use
  // (too long) stays there, its error under it, rather than vanish.
  const addressQ = filters.q ?? raw.q;
  const [search, setSearch] = useState(addressQ ?? "");
  const [open, setOpen] = useState(Boolean(errors.from || errors.to));
  const [shownQ, setShownQ] = useState(addressQ);
  if (addressQ !== shownQ) {
    setShownQ(addressQ);
    setSearch(addressQ ?? "");
  }
  useEffect(() => {
    if (search.trim() === (addressQ ?? "")) return;
    const timer = setTimeout(() => onChange({ q: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, addressQ, onChange]);

  const total = counts
    ? Object.values(counts).reduce<number>((sum, value) => sum + (value ?? 0), 0)
    : undefined;
  const set =
    (key: keyof HistoryFilters) => (event: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
      onChange({ [key]: event.target.value || undefined });

  // On a phone only Search and Status show, with a `Filters` button for the rest; wider screens show them all.
  const hidden = MORE_FILTERS.filter((key) => filters[key]).length;
  const field = "min-w-0 grow basis-[calc(50%-0.375rem)] sm:grow-0 sm:basis-auto";
  const selects = [
    {
      key: "type",
      label: "Type",
      all: "All types",
      width: "sm:w-36",
      choices: MESSAGE_TYPES.map((type) => ({ value: type.value, label: type.label })),
    },
    {
      key: "template",
      label: "Template",
      all: "All templates",
      width: "sm:w-44",
      choices: options.templates.map((t) => ({ value: t.uuid, label: t.title ?? t.uuid })),
    },
    {
      key: "channel",
      label: "Channel",
      all: "All channels",
      width: "sm:w-44",
      choices: options.channels.map((channel) => ({ value: channel.uuid, label: channel.title })),
    },
    {
      key: "sender",
      label: "Sender",
      all: "Everyone",
      width: "sm:w-52",
      choices: options.senders.map((sender) => ({ value: sender.id, label: sender.email })),
    },
  ] as const;

  return (
    <div role="search" className="rounded-lg border p-3" aria-label="Filter the history">
      <div className="flex flex-wrap items-end gap-3">
        <Field className="min-w-0 grow basis-full sm:basis-64">
          <FieldLabel htmlFor="history-search">Search</FieldLabel>
          <Input
            {...fieldAria("history-search", errors.q)}
            type="search"
            placeholder="Recipient or Callbell uuid"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") onChange({ q: search.trim() || undefined });
            }}
          />
          <FieldError id="history-search-error">{asSentence(errors.q)}</FieldError>
        </Field>
        {/* On a phone, Status and the Filters button share a row; wider, they join the others. */}
        <div className="flex basis-full items-end gap-3 sm:contents">
          <Field className="min-w-0 grow sm:w-44 sm:grow-0">
            <FieldLabel htmlFor="history-status">Status</FieldLabel>
            <NativeSelect id="history-status" value={filters.status ?? ""} onChange={set("status")}>
              <option value="">
                All statuses{total !== undefined ? ` (${countInWords(total, exact)})` : ""}
              </option>
              {SEND_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {sendStatusLabel(status)}
                  {counts ? ` (${countInWords(counts[status] ?? 0, exact)})` : ""}
                </option>
              ))}
              <option value={REPLIED}>
                replied
                {!repliesKnown
                  ? " (needs the webhook)"
                  : replied !== undefined
                    ? ` (${countInWords(replied, exact)})`
                    : ""}
              </option>
            </NativeSelect>
          </Field>
          <Button
            type="button"
            variant="outline"
            className="sm:hidden"
            aria-expanded={open}
            aria-controls="history-more-filters"
            onClick={() => setOpen(!open)}
          >
            Filters
            {hidden > 0 && <span aria-hidden="true">· {hidden}</span>}
          </Button>
        </div>
        <div id="history-more-filters" className={open ? "contents" : "hidden sm:contents"}>
          {selects.map((select) => (
            <Field key={select.key} className={`${field} ${select.width}`}>
              <FieldLabel htmlFor={`history-${select.key}`}>{select.label}</FieldLabel>
              <NativeSelect
                id={`history-${select.key}`}
                value={filters[select.key] ?? ""}
                onChange={set(select.key)}
              >
                <option value="">{select.all}</option>
                {select.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          ))}
          <Field className={`${field} sm:w-40`}>
            <FieldLabel htmlFor="history-from">From (UTC)</FieldLabel>
            <Input
              {...fieldAria("history-from", errors.from)}
              type="date"
              value={filters.from ?? raw.from ?? ""}
              onChange={set("from")}
            />
            <FieldError id="history-from-error">{asSentence(errors.from)}</FieldError>
          </Field>
          <Field className={`${field} sm:w-40`}>
            <FieldLabel htmlFor="history-to">To (UTC)</FieldLabel>
            <Input
              {...fieldAria("history-to", errors.to)}
              type="date"
              value={filters.to ?? raw.to ?? ""}
              onChange={set("to")}
            />
            <FieldError id="history-to-error">{asSentence(errors.to)}</FieldError>
          </Field>
        </div>
      </div>
    </div>
  );
}
