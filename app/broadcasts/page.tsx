import type { Metadata } from "next";
import Link from "next/link";
import { Countdown } from "@/components/broadcasts/countdown";
import { BroadcastStateBadge } from "@/components/history/status-badge";
import { buttonClassName } from "@/components/ui/button";
import { Moment } from "@/components/ui/moment";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { SAMPLE_CSV } from "@/lib/broadcasts/limits";
import { OUTCOME_MEANINGS, ROW_OUTCOMES } from "@/lib/broadcasts/row-counts";
import { resumesAt } from "@/lib/broadcasts/sending-hours";
import { listBroadcasts } from "@/lib/db/broadcast-queries";
import { countRowsByBroadcast } from "@/lib/db/broadcast-report-queries";
import { getDb } from "@/lib/db/client";
import { RateCells, RateHeads } from "@/components/broadcasts/broadcast-rates";
import { broadcastRates } from "@/lib/broadcasts/rates";
import { repliesKnown } from "@/lib/replies/replies-known";

export const metadata: Metadata = { title: "Broadcasts" };

/** The list's columns of counts: every outcome (lib/broadcasts/row-counts.ts), as the broadcast's page counts them. */
const COUNTED = ROW_OUTCOMES.map((outcome) => ({
  outcome,
  heading: outcome.charAt(0).toUpperCase() + outcome.slice(1),
}));

const CARD_CELL = "max-md:block max-md:p-0";
const CARD_LABEL =
  "max-md:text-xs max-md:before:mr-1 max-md:before:text-muted-foreground max-md:before:content-[attr(data-label)]";

export default async function BroadcastsPage() {
  await requireUser("/broadcasts");
  const db = await getDb();
  const broadcasts = await listBroadcasts(db);
  const counts = await countRowsByBroadcast(
    db,
    broadcasts.map((broadcast) => broadcast.id),
  );
  const rates = await broadcastRates(
    db,
    broadcasts.map((broadcast) => broadcast.id),
    repliesKnown(),
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
        // On a phone each broadcast is a card (the same table, laid out by CSS): its name, state, when and who, then
        // the counts with their headings drawn from data-label (not in the text, which automation reads).
        <Table aria-label="Broadcasts" className="max-md:block">
          <TableHeader className="max-md:sr-only">
            <TableRow>
              <TableHead>Broadcast</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Recipients</TableHead>
              {COUNTED.map(({ outcome, heading }) => (
                <TableHead key={outcome} title={OUTCOME_MEANINGS[outcome]}>
                  {heading}
                </TableHead>
              ))}
              <RateHeads />
            </TableRow>
          </TableHeader>
          <TableBody className="max-md:block">
            {broadcasts.map((broadcast) => {
              const count = counts.get(broadcast.id);
              const resumes = resumesAt(broadcast);
              return (
                <TableRow
                  key={broadcast.id}
                  className="max-md:grid max-md:grid-cols-3 max-md:gap-x-3 max-md:gap-y-1 max-md:p-3"
                >
                  <TableCell className={`${CARD_CELL} max-md:col-span-2`}>
                    <Link
                      href={`/broadcasts/${broadcast.id}`}
                      prefetch={false}
                      // A thumb's height to tap on a phone's card.
                      className="underline max-md:inline-block max-md:py-2.5"
                    >
                      {broadcast.name}
                    </Link>{" "}
                    <span className="text-xs text-muted-foreground">#{broadcast.id}</span>
                  </TableCell>
                  <TableCell
                    className={`${CARD_CELL} max-md:order-first max-md:col-span-3 whitespace-nowrap text-xs`}
                  >
                    <Moment iso={broadcast.createdAt.toISOString()} /> · {broadcast.createdByEmail ?? "—"}
                  </TableCell>
                  <TableCell className={`${CARD_CELL} max-md:text-right`}>
                    <BroadcastStateBadge state={broadcast.state} waiting={resumes !== null} />
                    {broadcast.state === "scheduled" && broadcast.scheduledFor && (
                      <span className="block text-xs text-muted-foreground">
                        starts <Countdown iso={broadcast.scheduledFor.toISOString()} refresh />
                      </span>
                    )}
                    {resumes !== null && (
                      <span className="block text-xs text-muted-foreground">
                        resumes <Moment iso={new Date(resumes).toISOString()} />
                      </span>
                    )}
                  </TableCell>
                  <TableCell className={`${CARD_CELL} ${CARD_LABEL}`} data-label="Recipients">
                    {broadcast.totalRows.toLocaleString("en")}
                  </TableCell>
                  {COUNTED.map(({ outcome, heading }) => (
                    <TableCell
                      key={outcome}
                      data-state={outcome}
                      data-label={heading}
                      className={`${CARD_CELL} ${CARD_LABEL} tabular-nums`}
                    >
                      {(count?.[outcome] ?? 0).toLocaleString("en")}
                    </TableCell>
                  ))}
                  <RateCells rates={rates.get(broadcast.id)} recipients={broadcast.totalRows} />
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
