import { TableCell, TableHead } from "@/components/ui/table";
import type { BroadcastRates } from "@/lib/broadcasts/rates";
import { percentOf } from "@/lib/broadcasts/timeline";
import { NO_WEBHOOK, REPLIES_NEED_WEBHOOK } from "@/lib/replies/replies-words";

const CARD =
  "max-md:block max-md:p-0 max-md:text-xs max-md:before:mr-1 max-md:before:text-muted-foreground max-md:before:content-[attr(data-label)]";

/** The broadcast list's columns that compare campaigns: read and reply rates, as shares of the recipients. */
export function RateHeads() {
  return (
    <>
      <TableHead title="Recipients whose message WhatsApp reported read">Read rate</TableHead>
      <TableHead title="Recipients who answered the message">Reply rate</TableHead>
    </>
  );
}

/** One broadcast's rates; without the webhook, its reply rate says it cannot be known rather than 0%. */
export function RateCells({ rates, recipients }: { rates: BroadcastRates | undefined; recipients: number }) {
  const read = rates?.read ?? 0;
  const replied = rates?.replied ?? null;
  return (
    <>
      <TableCell
        data-rate="read"
        data-label="Read rate"
        className={`${CARD} tabular-nums`}
        title={`${read} read`}
      >
        {percentOf(read, recipients)}
      </TableCell>
      <TableCell
        data-rate="replied"
        data-label="Reply rate"
        className={`${CARD} tabular-nums`}
        title={replied === null ? REPLIES_NEED_WEBHOOK : `${replied} replied`}
      >
        {replied === null ? (
          <span className="text-muted-foreground">{NO_WEBHOOK}</span>
        ) : (
          percentOf(replied, recipients)
        )}
      </TableCell>
    </>
  );
}
