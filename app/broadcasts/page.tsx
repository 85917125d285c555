import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { countRecipientsByState, listBroadcasts } from "@/lib/db/broadcast-queries";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Broadcasts" };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const STATE_VARIANT = {
  running: "warning",
  paused: "secondary",
  cancelled: "destructive",
  completed: "success",
} as const;

export default async function BroadcastsPage() {
  await requireUser("/broadcasts");
  const db = await getDb();
  const broadcasts = await listBroadcasts(db);
  const counts = await Promise.all(broadcasts.map((broadcast) => countRecipientsByState(db, broadcast.id)));
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
            {broadcasts.map((broadcast, index) => (
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
                  <Badge variant={STATE_VARIANT[broadcast.state]}>{broadcast.state}</Badge>
                </TableCell>
                <TableCell>{broadcast.totalRows.toLocaleString("en")}</TableCell>
                <TableCell>{(counts[index]!.enqueued ?? 0).toLocaleString("en")}</TableCell>
                <TableCell>{(counts[index]!.failed ?? 0).toLocaleString("en")}</TableCell>
                <TableCell>{(counts[index]!.unknown ?? 0).toLocaleString("en")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
