"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fetchJson } from "@/lib/http/fetch-json";
import { Button, buttonClassName } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { historySearchParams, parseHistoryFilters, type HistoryFilters } from "@/lib/history/filters";
import type { HistoryCounts, HistoryResponse, PreloadedHistory } from "@/lib/history/history-item";
import { messageTypeLabel } from "@/lib/messages/options";
import { recipientKind } from "@/lib/messages/recipient";
import { HistoryFiltersBar, type FilterOptions } from "./history-filters";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

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
}: {
  options: FilterOptions;
  /** The first page as the server rendered it, used while its filters are the ones shown. */
  preloaded?: PreloadedHistory | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const address = searchParams.toString();
  const filters = useMemo(() => parseHistoryFilters(new URLSearchParams(address)).filters, [address]);
  const query = historySearchParams(filters).toString();
  const filtered = query !== "";

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
  const { data: counted } = useQuery({
    queryKey: ["history-counts", query],
    queryFn: () => fetchJson<HistoryCounts>(`/api/history/counts?${new URLSearchParams(query)}`, {}),
    placeholderData: keepPreviousData,
    refetchInterval: COUNTS_REFRESH_MS,
  });
  const counts = counted?.counts;

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
      <HistoryFiltersBar filters={filters} counts={counts} options={options} onChange={onChange} />
      <div className="flex flex-wrap items-center gap-3">
        {counts && <StatusCounts counts={counts} />}
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
      {isPending ? (
        <p aria-busy="true">Loading the history…</p>
      ) : error && !data ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm">
          <p>{error.message}</p>
          <Button variant="outline" size="sm" onClick={() => refetch()}>
            Try again
          </Button>
        </div>
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
          <Table aria-label="Sent messages" aria-busy={isFetching}>
            <TableHeader>
              <TableRow>
                <TableHead>Time</TableHead>
                <TableHead>Sender</TableHead>
                <TableHead>Recipient</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Template</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Callbell uuid</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {/* Row links are not prefetched: 50 rows would ask the server for up to 200 pages on every visit. */}
              {data.items.map((item) => (
                <TableRow key={item.id} data-send-id={item.id}>
                  <TableCell className="whitespace-nowrap">
                    <Link
                      href={`/history/${item.id}`}
                      prefetch={false}
                      className="underline-offset-2 hover:underline"
                    >
                      <LocalTime iso={item.createdAt} />
                    </Link>
                  </TableCell>
                  <TableCell className="text-xs">{item.senderEmail ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">
                    {recipientKind(item.platform, item.recipient) === "bsuid" && (
                      <span className="mr-1 font-sans text-muted-foreground">BSUID</span>
                    )}
                    {item.recipient}
                  </TableCell>
                  <TableCell>{messageTypeLabel(item.messageType)}</TableCell>
                  <TableCell>
                    {item.templateTitle ?? "—"}
                    {item.broadcastId && (
                      <Link
                        href={`/broadcasts/${item.broadcastId}`}
                        prefetch={false}
                        className="block text-xs underline"
                      >
                        Broadcast {item.broadcastId}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={item.status} platform={item.platform} />
                    {(item.statusReason ?? item.errorMessage) && (
                      <p className="mt-1 max-w-64 text-xs text-muted-foreground">
                        {item.statusReason ?? item.errorMessage}
                      </p>
                    )}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{item.callbellUuid ?? "—"}</TableCell>
                  <TableCell>
                    <div className="flex gap-3 text-sm whitespace-nowrap">
                      <Link
                        href={`/history/${item.id}`}
                        prefetch={false}
                        className="underline"
                        aria-label={`Details of send ${item.id}`}
                      >
                        Details
                      </Link>
                      <Link href={`/compose?again=${item.id}`} prefetch={false} className="underline">
                        Send again
                      </Link>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
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

function StatusCounts({ counts }: { counts: Partial<Record<string, number>> }) {
  const entries = Object.entries(counts).filter(([, value]) => (value ?? 0) > 0);
  if (entries.length === 0) return null;
  return (
    <ul aria-label="Sends per status" className="flex flex-wrap gap-2 text-xs">
      {entries.map(([status, value]) => (
        <li key={status} className="flex items-center gap-1">
          <StatusBadge status={status} /> {value}
        </li>
      ))}
    </ul>
  );
}
