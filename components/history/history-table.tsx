"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { HttpError } from "@/components/providers/query-provider";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HistoryResponse } from "@/lib/history/history-item";
import { messageTypeLabel } from "@/lib/messages/options";
import { StatusBadge } from "./status-badge";

async function fetchHistory(cursor: number | null): Promise<HistoryResponse> {
  const response = await fetch(`/api/history${cursor ? `?cursor=${cursor}` : ""}`, { cache: "no-store" });
  if (!response.ok)
    throw new HttpError(response.status, `The history could not be loaded (HTTP ${response.status})`);
  return response.json();
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function HistoryTable() {
  // The cursors of the pages before this one, so "Newer" can go back.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const { data, error, isPending, isFetching, refetch } = useQuery({
    queryKey: ["history", cursor],
    queryFn: () => fetchHistory(cursor),
  });

  if (isPending) return <p aria-busy="true">Loading the history…</p>;
  if (error) {
    return (
      <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm">
        <p>{error.message}</p>
        <Button variant="outline" size="sm" onClick={() => refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (data.items.length === 0 && cursors.length === 1) {
    return (
      <div className="rounded-lg border border-dashed p-10 text-center">
        <p className="font-medium">No messages sent yet</p>
        <p className="mt-1 text-sm text-muted-foreground">
          Every message you send appears here with its Callbell uuid and status.{" "}
          <Link href="/compose" className="underline">
            Compose a message
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
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
          {data.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={item.createdAt}>{timeFormat.format(new Date(item.createdAt))}</time>
              </TableCell>
              <TableCell className="text-xs">{item.senderEmail ?? "—"}</TableCell>
              <TableCell className="font-mono text-xs">{item.recipient}</TableCell>
              <TableCell>{messageTypeLabel(item.messageType)}</TableCell>
              <TableCell>{item.templateTitle ?? "—"}</TableCell>
              <TableCell>
                <span title={item.errorMessage ?? undefined}>
                  <StatusBadge status={item.status} />
                </span>
              </TableCell>
              <TableCell className="font-mono text-xs">{item.callbellUuid ?? "—"}</TableCell>
              <TableCell>
                <Link href={`/compose?again=${item.id}`} className="text-sm whitespace-nowrap underline">
                  Send again
                </Link>
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
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Newer
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!data.nextCursor}
          onClick={() => data.nextCursor && setCursors([...cursors, data.nextCursor])}
        >
          Older
        </Button>
      </nav>
    </div>
  );
}
