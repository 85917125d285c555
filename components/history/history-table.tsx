"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fetchJson } from "@/lib/http/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import {
  historySearchParams,
  parseHistoryFilters,
  REPLIED,
  type HistoryFilters,
} from "@/lib/history/filters";
import { REPLIES_NEED_WEBHOOK } from "@/lib/replies/replies-words";
import type { HistoryCounts, HistoryResponse, PreloadedHistory } from "@/lib/history/history-item";
import { countOf, nounFor } from "@/lib/format/plural";
import { countInWords, HISTORY_COUNT_EXACT_LIMIT, roundedCount } from "@/lib/history/count-words";
import { HistoryFiltersBar, type FilterOptions } from "./history-filters";
import { HistoryRows } from "./history-rows";
import { ReplyIcon } from "./replied-mark";
import { StatusBadge } from "./status-badge";
import { UnreadFilters } from "./unread-filters";

/** While a page is open its statuses follow Callbell's, without a reload (paused while the tab is hidden). */
const REFRESH_MS = 3_000;

/** Counting is heavier than a page and changes slowly: it refreshes less often. */
const COUNTS_REFRESH_MS = 10_000;

function fetchHistory(query: string, cursor: number | null): Promise<HistoryResponse> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", String(cursor));
  return fetchJson(`/api/history?${params}`, {});
}

export function HistoryTable({
  options,
  preloaded = null,
  repliesKnown = true,
}: {
  options: FilterOptions;
  /** Whether the webhook is set up, without which Bellhop cannot know of replies. */
  repliesKnown?: boolean;
  /** The first page as the server rendered it, used while its filters are the ones shown. */
  preloaded?: PreloadedHistory | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const address = searchParams.toString();
  const { filters, errors } = useMemo(() => parseHistoryFilters(new URLSearchParams(address)), [address]);
  const query = historySearchParams(filters).toString();
  const unread = Object.keys(errors).length > 0;
  const rawTyped = useMemo(() => {
    const params = new URLSearchParams(address);
    return {
      q: params.get("q") ?? undefined,
      from: params.get("from") ?? undefined,
      to: params.get("to") ?? undefined,
    };
  }, [address]);
  const filtered = query !== "" || unread;

  // The cursors of the pages before this one, so "Newer" can go back; a new filter starts at the newest.
  const [paging, setPaging] = useState<{ query: string; cursors: (number | null)[] }>({
    query,
    cursors: [null],
  });
  const cursors = paging.query === query ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;

  const start = preloaded && preloaded.query === query && cursor === null ? preloaded : null;
  const { data, error, isPending, isFetching, refetch } = useQuery({
    queryKey: ["history", query, cursor],
    queryFn: () => fetchHistory(query, cursor),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    // The server's page is as fresh as a refresh: the next one comes on the usual schedule, not on load.
    initialData: start?.page,
    initialDataUpdatedAt: start?.loadedAt,
    staleTime: REFRESH_MS,
  });
  // No placeholder: while the counts of new filters load, none are shown rather than the previous filters' ones.
  const { data: counted } = useQuery({
    queryKey: ["history-counts", query],
    queryFn: () => fetchJson<HistoryCounts>(`/api/history/counts?${new URLSearchParams(query)}`, {}),
    refetchInterval: COUNTS_REFRESH_MS,
  });
  const counts = counted?.counts;
  const replied = counted?.replied;
  const exact = counted?.exact ?? true;
  // Without the webhook no reply can be known: the Replied filter says so instead of an empty table.
  const repliesUnknowable = filters.status === REPLIED && !repliesKnown;

  // Changes made faster than the address updates build on each other, not on the address of a moment ago. The
  // latest change stays the base until the address shows it; an address none of these changes asked for (the back
  // button, a link) drops it.
  const pending = useRef<{ filters: HistoryFilters; issued: Set<string> } | null>(null);
  useEffect(() => {
    const waiting = pending.current;
    if (!waiting) return;
    if (historySearchParams(waiting.filters).toString() === query || !waiting.issued.has(query)) {
      pending.current = null;
    }
  }, [query]);
  const onChange = useCallback(
    (patch: Partial<HistoryFilters>) => {
      const next = { ...(pending.current?.filters ?? filters), ...patch };
      const params = historySearchParams(next).toString();
      pending.current = { filters: next, issued: new Set([...(pending.current?.issued ?? []), params]) };
      router.replace(params ? `${pathname}?${params}` : pathname, { scroll: false });
    },
    [router, pathname, filters],
  );

  const exportHref = `/api/history/export${query ? `?${query}` : ""}`;
  return (
    <div className="space-y-3">
      <HistoryFiltersBar
        filters={filters}
        counts={counts}
        exact={exact}
        replied={replied}
        repliesKnown={repliesKnown}
        options={options}
        onChange={onChange}
        raw={rawTyped}
        errors={errors}
      />
      {unread && <UnreadFilters errors={errors} params={new URLSearchParams(address)} />}
      <div className="flex flex-wrap items-center gap-3">
        {counts && <StatusCounts counts={counts} exact={exact} replied={replied} status={filters.status} />}
        <div className="ml-auto flex gap-2">
          {filtered && (
            <Link href={pathname} className={buttonClassName({ variant: "outline", size: "sm" })}>
              Clear filters
            </Link>
          )}
          <a href={exportHref} download className={buttonClassName({ variant: "outline", size: "sm" })}>
            Export CSV
          </a>
        </div>
      </div>
      {repliesUnknowable ? (
        <Alert role="status" variant="warning" data-testid="replies-need-webhook">
          <p>{REPLIES_NEED_WEBHOOK}</p>
        </Alert>
      ) : isPending ? (
        <p aria-busy="true">Loading the history…</p>
      ) : error && !data ? (
        <Alert role="alert" variant="destructive" className="gap-2">
          <p>{error.message}</p>
          <Button variant="outline" size="sm" className="w-fit" onClick={() => refetch()}>
            Try again
          </Button>
        </Alert>
      ) : data && data.items.length === 0 && cursors.length === 1 ? (
        <div className="rounded-lg border border-dashed p-10 text-center">
          {filtered ? (
            <p className="font-medium">No send matches these filters</p>
          ) : (
            <>
              <p className="font-medium">No messages sent yet</p>
              <p className="mt-1 text-sm text-muted-foreground">
                Every message you send appears here with its Callbell uuid and status.{" "}
                <Link href="/compose" className="underline">
                  Compose a message
                </Link>
                .
              </p>
            </>
          )}
        </div>
      ) : data ? (
        <>
          <HistoryRows items={data.items} busy={isFetching} />
          <nav aria-label="History pages" className="flex gap-2">
            <Button
              variant="outline"
              size="sm"
              disabled={cursors.length === 1}
              onClick={() => setPaging({ query, cursors: cursors.slice(0, -1) })}
            >
              Newer
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!data.nextCursor}
              onClick={() => data.nextCursor && setPaging({ query, cursors: [...cursors, data.nextCursor] })}
            >
              Older
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}

/**
 * The counts ignore the status filter (each status shows its own); the total is of the sends that match them all.
 * Estimated counts (`exact` false) say "about", and why.
 */
function StatusCounts({
  counts,
  exact,
  replied,
  status,
}: {
  counts: Partial<Record<string, number>>;
  exact: boolean;
  replied: number | undefined;
  status?: string;
}) {
  const entries = Object.entries(counts).filter(([, value]) => (value ?? 0) > 0);
  if (entries.length === 0) return null;
  const total =
    status === REPLIED
      ? (replied ?? 0)
      : status
        ? (counts[status] ?? 0)
        : entries.reduce((sum, [, value]) => sum + (value ?? 0), 0);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <span className="font-medium">
        {exact ? countOf(total, "send") : `About ${roundedCount(total)} sends`}{" "}
        {nounFor(total, "matches", "match")}
      </span>
      {!exact && (
        <span className="text-muted-foreground">
          (estimated: more than {HISTORY_COUNT_EXACT_LIMIT.toLocaleString("en")} sends match, too many to
          count while the page waits)
        </span>
      )}
      <ul aria-label="Sends per status" className="flex flex-wrap gap-2">
        {entries.map(([status, value]) => (
          <li key={status} className="flex items-center gap-1">
            <StatusBadge status={status} /> {countInWords(value ?? 0, exact)}
          </li>
        ))}
        {(replied ?? 0) > 0 && (
          <li className="flex items-center gap-1 text-sky-700 dark:text-sky-300">
            <ReplyIcon /> replied {countInWords(replied ?? 0, exact)}
          </li>
        )}
      </ul>
    </div>
  );
}
