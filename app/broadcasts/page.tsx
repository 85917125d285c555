import type { Metadata } from "next";
import Link from "next/link";
import { BroadcastStateBadge } from "@/components/history/status-badge";
import { buttonClassName } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { listBroadcasts } from "@/lib/db/broadcast-queries";
import { countRecipientsByBroadcast } from "@/lib/db/broadcast-report-queries";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Broadcasts" };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function BroadcastsPage() {
  await requireUser("/broadcasts");
  const db = await getDb();
  const broadcasts = await listBroadcasts(db);
  const counts = await countRecipientsByBroadcast(
    db,
    broadcasts.map((broadcast) => broadcast.id),
  );
  return (
    <div className="grid gap-4">
      <div className="flex items-start gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Broadcasts</h1>
          <p className="text-sm text-muted-foreground">
            An approved template to many customers, each number once.
          </p>
        </div>
        <Link href="/broadcasts/new" className={buttonClassName({ className: "ml-auto" })}>
          New broadcast
        </Link>
      </div>
      {broadcasts.length === 0 ? (
        <div className="rounded-lg border border-dashed p-10 text-center">
          <p className="font-medium">No broadcast yet</p>
        </div>
      ) : (
        <Table aria-label="Broadcasts">
          <TableHeader>
            <TableRow>
              <TableHead>Broadcast</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Recipients</TableHead>
              <TableHead>Enqueued</TableHead>
              <TableHead>Failed</TableHead>
              <TableHead>Unknown</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {broadcasts.map((broadcast) => {
              const count = counts.get(broadcast.id) ?? {};
              return (
                <TableRow key={broadcast.id}>
                  <TableCell>
                    <Link href={`/broadcasts/${broadcast.id}`} prefetch={false} className="underline">
                      {broadcast.name}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {dateTime.format(broadcast.createdAt)} UTC · {broadcast.createdByEmail ?? "—"}
                  </TableCell>
                  <TableCell>
                    <BroadcastStateBadge state={broadcast.state} />
                  </TableCell>
                  <TableCell>{broadcast.totalRows.toLocaleString("en")}</TableCell>
                  <TableCell>{(count.enqueued ?? 0).toLocaleString("en")}</TableCell>
                  <TableCell>{(count.failed ?? 0).toLocaleString("en")}</TableCell>
                  <TableCell>{(count.unknown ?? 0).toLocaleString("en")}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
