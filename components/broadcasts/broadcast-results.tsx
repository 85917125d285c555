"use client";

import { useQuery } from "@tanstack/react-query";
import type { BroadcastResults as Results } from "@/lib/broadcasts/broadcast-results";
import { percentOf } from "@/lib/broadcasts/timeline";
import { fetchJson } from "@/lib/http/fetch-json";
import { REPLIES_NEED_WEBHOOK, NO_WEBHOOK } from "@/lib/replies/replies-words";
import { FollowUpLinks } from "./follow-up-links";
import { ResultsChart } from "./results-chart";

/** Statuses and replies keep coming long after the last send: the results are read again this often. */
const REFRESH_MS = 3_000;

const RESULTS = [
  { key: "sent", label: "Sent", meaning: "Callbell accepted it and has not reported it failed" },
  { key: "delivered", label: "Delivered", meaning: "delivered or read" },
  { key: "read", label: "Read", meaning: "WhatsApp reported it read" },
  { key: "replied", label: "Replied", meaning: "the customer answered it" },
  { key: "failed", label: "Failed", meaning: "as in the progress above" },
] as const;

/**
 * A broadcast's results: sent, delivered, read, replied and failed, as counts and shares of its recipients, a chart of
 * sends and replies over time, and new broadcasts from the rows that did not read or reply. Without the webhook the
 * replies say they cannot be known, rather than 0%.
 */
export function BroadcastResults({
  id,
  initial,
  repliesKnown,
}: {
  id: number;
  initial: Results;
  repliesKnown: boolean;
}) {
  const { data: results = initial } = useQuery({
    queryKey: ["broadcast-results", id],
    queryFn: ({ signal }) => fetchJson<Results>(`/api/broadcasts/${id}/results`, { signal }),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  return (
    <section aria-labelledby="results-heading" className="grid min-w-0 gap-4 rounded-lg border p-4">
      <h2 id="results-heading" className="font-medium">
        Results
      </h2>
      <dl aria-label="Broadcast results" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {RESULTS.map(({ key, label, meaning }) => {
          const count = results[key];
          return (
            <div key={key} className="grid gap-0.5 rounded-md bg-muted/50 px-3 py-2" title={meaning}>
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd data-result={key} className="tabular-nums">
                {count === null ? (
                  <span className="text-sm text-muted-foreground">{NO_WEBHOOK}</span>
                ) : (
                  <>
                    <span className="text-lg font-semibold">{count.toLocaleString("en")}</span>{" "}
                    <span className="text-sm text-muted-foreground">
                      {percentOf(count, results.recipients)}
                    </span>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="text-xs text-muted-foreground">
        Shares of all {results.recipients.toLocaleString("en")} recipients.
        {!repliesKnown && ` ${REPLIES_NEED_WEBHOOK}`}
      </p>
      {results.timeline && <ResultsChart timeline={results.timeline} repliesKnown={repliesKnown} />}
      {results.sent > 0 && <FollowUpLinks id={id} repliesKnown={repliesKnown} />}
    </section>
  );
}
