import { Alert, AlertTitle } from "@/components/ui/alert";
import type { FilterKey } from "@/lib/history/filters";
import { nounFor } from "@/lib/format/plural";

/** The names the filters have on screen, so the alert points at a control the agent can see. */
const LABELS: Record<FilterKey, string> = {
  status: "Status",
  type: "Type",
  platform: "Platform",
  template: "Template",
  channel: "Channel",
  sender: "Sender",
  from: "From (UTC)",
  to: "To (UTC)",
  q: "Search",
};

/**
 * Filters in the address that Bellhop cannot read (`?status=bogus`, a date that does not exist): the table ignores
 * them, and says so, rather than silently showing every send as if nothing had been asked.
 */
export function UnreadFilters({
  errors,
  params,
}: {
  errors: Partial<Record<FilterKey, string>>;
  params: URLSearchParams;
}) {
  const entries = Object.entries(errors) as [FilterKey, string][];
  return (
    <Alert role="alert" variant="warning">
      <AlertTitle>
        {entries.length === 1 ? "A filter was" : "Some filters were"} not understood, so the history ignores{" "}
        {nounFor(entries.length, "it", "them")}:
      </AlertTitle>
      <ul className="list-inside list-disc wrap-anywhere">
        {entries.map(([key, problem]) => (
          <li key={key}>
            {LABELS[key]}{" "}
            {params.getAll(key).map((value, index) => (
              <span key={index}>
                {index > 0 && ", "}“<span className="font-mono">{value}</span>”
              </span>
            ))}
            : {problem}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
