import type { Metadata } from "next";
import Link from "next/link";
import { BroadcastStateBadge } from "@/components/history/status-badge";
import { buttonClassName } from "@/components/ui/button";
import { Moment } from "@/components/ui/moment";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { SAMPLE_CSV } from "@/lib/broadcasts/limits";
import { ROW_OUTCOMES } from "@/lib/broadcasts/row-counts";
import { listBroadcasts } from "@/lib/db/broadcast-queries";
import { countRowsByBroadcast } from "@/lib/db/broadcast-report-queries";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Broadcasts" };

/** The list's columns of counts: every outcome (lib/broadcasts/row-counts.ts), as the broadcast's page counts them. */
const COUNTED = ROW_OUTCOMES.map((outcome) => ({
  outcome,
  heading: outcome.charAt(0).toUpperCase() + outcome.slice(1),
}));

export default async function BroadcastsPage() {
  await requireUser("/broadcasts");
  const db = await getDb();
  const broadcasts = await listBroadcasts(db);
  const counts = await countRowsByBroadcast(
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
        <div className="grid justify-items-center gap-2 rounded-lg border border-dashed p-6 text-center sm:p-10">
          <p className="font-medium">No broadcast yet</p>
          <p className="max-w-prose text-sm text-muted-foreground">
            A CSV with one row per customer: the phone number with its country code, then one column per
            template variable. Choose a template, then upload the file.
          </p>
          <a
            href={SAMPLE_CSV}
            download="bellhop-broadcast-sample.csv"
            className={buttonClassName({ variant: "outline", size: "sm" })}
          >
            Download a sample CSV
          </a>
        </div>
      ) : (
        <Table aria-label="Broadcasts">
          <TableHeader>
            <TableRow>
              <TableHead>Broadcast</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Recipients</TableHead>
              {COUNTED.map(({ outcome, heading }) => (
                <TableHead key={outcome}>{heading}</TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {broadcasts.map((broadcast) => {
              const count = counts.get(broadcast.id);
              return (
                <TableRow key={broadcast.id}>
                  <TableCell>
                    <Link href={`/broadcasts/${broadcast.id}`} prefetch={false} className="underline">
                      {broadcast.name}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    <Moment iso={broadcast.createdAt.toISOString()} /> · {broadcast.createdByEmail ?? "—"}
                  </TableCell>
                  <TableCell>
                    <BroadcastStateBadge state={broadcast.state} />
                  </TableCell>
                  <TableCell>{broadcast.totalRows.toLocaleString("en")}</TableCell>
                  {COUNTED.map(({ outcome }) => (
                    <TableCell key={outcome} data-state={outcome} className="tabular-nums">
                      {(count?.[outcome] ?? 0).toLocaleString("en")}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
