"use client";

import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { Moment } from "@/components/ui/moment";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HistoryItem } from "@/lib/history/history-item";
import { messageTypeLabel } from "@/lib/messages/options";
import { recipientKind } from "@/lib/messages/recipient";
import { statusNote } from "@/lib/history/status-note";
import { RepliedMark } from "./replied-mark";
import { StatusBadge } from "./status-badge";

/**
 * Below `lg` the same table is laid out as cards by CSS alone, so automation finds the same `table`, rows and names at
 * every width: each row a grid (recipient and time, message, status, uuid and actions), its header kept for screen
 * readers. The cell classes say where each cell goes in a card.
 */
const CARD = {
  table: "max-lg:block",
  head: "max-lg:sr-only",
  body: "max-lg:block",
  row: "max-lg:grid max-lg:grid-cols-[minmax(0,1fr)_auto] max-lg:gap-x-3 max-lg:gap-y-1 max-lg:p-3",
} as const;

/** One line per row at desktop widths: a second line of small print at most, cut with an ellipsis, never wrapped. */
const LINE = "block truncate leading-5";
const SMALL = "block truncate text-xs leading-4 text-muted-foreground";
/** A row's Details and Send again: a thumb's height to tap on a phone's card, one line of text at desktop widths. */
const ROW_LINK = "underline max-lg:inline-flex max-lg:min-h-11 max-lg:items-center max-lg:px-2";

/** A cell of the table, a little tighter than `TableCell` (whose padding a class cannot override: no class merging). */
function Cell({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td className={`min-w-0 px-3 py-1.5 align-middle max-lg:block max-lg:p-0 ${className}`} {...props} />
  );
}

export function HistoryRows({ items, busy }: { items: HistoryItem[]; busy: boolean }) {
  return (
    <Table aria-label="Sent messages" aria-busy={busy} className={`lg:table-fixed ${CARD.table}`}>
      <TableHeader className={CARD.head}>
        <TableRow>
          <TableHead className="w-40">Time</TableHead>
          <TableHead className="w-44">Recipient</TableHead>
          <TableHead>Message</TableHead>
          <TableHead className="w-52">Status</TableHead>
          <TableHead className="w-40">Callbell uuid</TableHead>
          <TableHead className="w-40">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className={CARD.body}>
        {/* Row links are not prefetched: 50 rows would ask the server for up to 200 pages on every visit. */}
        {items.map((item) => (
          <HistoryRow key={item.id} item={item} />
        ))}
      </TableBody>
    </Table>
  );
}

function HistoryRow({ item }: { item: HistoryItem }) {
  const note = statusNote(item);
  const bsuid = recipientKind(item.platform, item.recipient) === "bsuid";
  const recipient = (
    <span className={`font-mono ${item.contactName ? "text-xs text-muted-foreground" : ""}`}>
      {bsuid && <span className="mr-1 font-sans text-muted-foreground">BSUID</span>}
      {item.recipient}
    </span>
  );
  return (
    <TableRow data-send-id={item.id} className={CARD.row}>
      <Cell className="max-lg:order-2 max-lg:text-right">
        <Link
          href={`/history/${item.id}`}
          prefetch={false}
          className={`${LINE} underline-offset-2 hover:underline`}
        >
          <Moment iso={item.createdAt} />
        </Link>
        <span className={`${SMALL} max-lg:hidden`} title={item.senderEmail ?? undefined}>
          {item.senderEmail ?? "—"}
        </span>
      </Cell>
      <Cell className="max-lg:order-1">
        {item.contactName ? (
          <>
            <span className={`${LINE} font-medium`}>{item.contactName}</span>
            <span className="block truncate text-xs leading-4">{recipient}</span>
          </>
        ) : (
          <span className={`${LINE} text-xs`}>{recipient}</span>
        )}
      </Cell>
      <Cell className="max-lg:order-3 max-lg:col-span-2">
        <span className={LINE} title={item.message || undefined}>
          {item.message || <span className="text-muted-foreground">—</span>}
        </span>
        <span className={SMALL}>
          {messageTypeLabel(item.messageType)}
          {item.broadcastId && (
            <>
              {" · "}
              <Link
                href={`/broadcasts/${item.broadcastId}`}
                prefetch={false}
                className="underline max-lg:inline-block max-lg:py-1.5"
              >
                Broadcast {item.broadcastId}
              </Link>
            </>
          )}
        </span>
      </Cell>
      <Cell className="max-lg:order-4 max-lg:col-span-2">
        <span className="flex">
          <StatusBadge status={item.status} />
        </span>
        {item.repliedAt && <RepliedMark at={item.repliedAt} className="text-xs leading-4" />}
        {note && (
          // One line, cut; the whole reason on hover (title), on focus (the line unfolds) and on the detail page.
          <span
            tabIndex={0}
            title={note}
            data-testid="status-note"
            className={`${SMALL} rounded-sm outline-none focus:whitespace-normal focus-visible:ring-2 focus-visible:ring-ring`}
          >
            {note}
          </span>
        )}
      </Cell>
      <Cell className="max-lg:order-5">
        {item.callbellUuid ? (
          <span className="flex min-w-0 items-center gap-1">
            {/* Cut on screen by CSS only: the row's text keeps all 32 characters, for search and automation. */}
            <span className="min-w-0 truncate font-mono text-xs" title={item.callbellUuid}>
              {item.callbellUuid}
            </span>
            <CopyButton
              value={item.callbellUuid}
              variant="ghost"
              className="px-2"
              aria-label={`Copy uuid of send ${item.id}`}
            >
              Copy
            </CopyButton>
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </Cell>
      <Cell className="max-lg:order-6">
        <span className="flex justify-end gap-3 text-sm whitespace-nowrap lg:justify-start">
          <Link
            href={`/history/${item.id}`}
            prefetch={false}
            className={ROW_LINK}
            aria-label={`Details of send ${item.id}`}
          >
            Details
          </Link>
          <Link href={`/compose?again=${item.id}`} prefetch={false} className={ROW_LINK}>
            Send again
          </Link>
        </span>
      </Cell>
    </TableRow>
  );
}
