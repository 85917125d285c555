import { Alert, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Moment } from "@/components/ui/moment";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WebhookDelivery } from "@/lib/callbell/types";
import { countOf } from "@/lib/format/plural";
import type { WebhookHealthView } from "@/lib/settings/webhook-health";

function When({ iso }: { iso: string }) {
  if (Number.isNaN(Date.parse(iso))) return <span>{iso || "unknown time"}</span>;
  return <Moment iso={iso} />;
}

const code = (text: string) => <code className="font-mono">{text}</code>;

function WebhookAddress({ view }: { view: WebhookHealthView }) {
  if (!view.secretSet) {
    return (
      <p className="text-sm">
        <Badge variant="warning">Off</Badge> {code("CALLBELL_WEBHOOK_SECRET")} is not set: the webhook answers
        404 and statuses come by polling only. Set it (16 or more letters, digits, - or _) in Bellhop&apos;s
        environment and restart Bellhop to turn it on.
      </p>
    );
  }
  return (
    <div className="grid gap-2 text-sm">
      <p>
        <Badge variant="success">On</Badge> {code("CALLBELL_WEBHOOK_SECRET")} is set. Callbell calls:
      </p>
      <p className="break-all rounded-md bg-muted px-3 py-2">{code(view.maskedUrl)}</p>
      {view.addressProblem && (
        <p className="text-amber-800 dark:text-amber-300" data-testid="webhook-address-problem">
          Callbell will refuse this address: {view.addressProblem}. Set {code("BELLHOP_URL")} to the public
          https address people reach Bellhop at, restart, and register the address shown then.
        </p>
      )}
      <p className="text-muted-foreground">
        The masked part is the value of {code("CALLBELL_WEBHOOK_SECRET")} in Bellhop&apos;s environment (ask
        whoever deployed Bellhop); it is never shown here. Register the address in Callbell under API Settings
        → Webhooks, with the {code("message_status_updated")} and {code("message_created")} events (the second
        brings customers&apos; replies). An account has one webhook: registering replaces any other
        integration&apos;s (the README says how to keep both).
      </p>
    </div>
  );
}

function LastReceived({ view }: { view: WebhookHealthView }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted-foreground">Last event received</dt>
      <dd data-testid="webhook-last-event">
        {view.lastEvent ? (
          <>
            {code(view.lastEvent.name)}, received <When iso={view.lastEvent.at} />
          </>
        ) : (
          "None yet"
        )}
      </dd>
      <dt className="text-muted-foreground">Last health check</dt>
      <dd data-testid="webhook-last-check">
        {view.lastCheck ? <When iso={view.lastCheck.at} /> : "None yet"}
        <span className="text-muted-foreground"> (a call that carries no event)</span>
      </dd>
      <dt className="text-muted-foreground">Customers&apos; messages</dt>
      <dd data-testid="webhook-replies">
        {view.replies ? <RepliesReceived {...view.replies} /> : "Could not be counted"}
      </dd>
      {view.receiptsError && (
        <dd className="text-destructive sm:col-span-2">
          Bellhop could not read these from its database: {view.receiptsError}
        </dd>
      )}
    </dl>
  );
}

/** Every received message is kept; those that answer no send of Bellhop's are counted apart, not dropped. */
function RepliesReceived({ total, unlinked }: { total: number; unlinked: number }) {
  if (total === 0) return <>None yet</>;
  return (
    <>
      {countOf(total, "message")} received, {unlinked.toLocaleString("en")} not linked to a send
      <span className="text-muted-foreground">
        {" "}
        (Bellhop wrote to that customer in none of the 72 hours before)
      </span>
    </>
  );
}

function DeliveryTable({ items }: { items: WebhookDelivery[] }) {
  if (items.length === 0)
    return <p className="text-sm text-muted-foreground">Callbell has delivered nothing yet.</p>;
  return (
    <Table aria-label="Callbell's recent webhook deliveries">
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>Result</TableHead>
          <TableHead>Answer</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((delivery, index) => (
          <TableRow key={`${delivery.createdAt}-${index}`}>
            <TableCell className="whitespace-nowrap">
              <When iso={delivery.createdAt} />
            </TableCell>
            <TableCell>{code(delivery.event)}</TableCell>
            <TableCell>
              <Badge variant={delivery.success ? "success" : "destructive"}>
                {delivery.success ? "Delivered" : "Failed"}
              </Badge>
            </TableCell>
            <TableCell>{delivery.code === null ? "no answer" : `HTTP ${delivery.code}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The Webhook section of Settings: whether it is on, when Callbell last reached it, and Callbell's own log. */
export function WebhookHealth({ view }: { view: WebhookHealthView }) {
  return (
    <section aria-labelledby="webhook-heading" className="grid gap-4 rounded-lg border p-4">
      <h2 id="webhook-heading" className="font-medium">
        Webhook
      </h2>
      <WebhookAddress view={view} />
      <LastReceived view={view} />
      <div className="grid gap-2">
        <h3 className="text-sm font-medium">Callbell&apos;s recent deliveries</h3>
        <p className="text-xs text-muted-foreground">
          Callbell&apos;s log of the account&apos;s webhook, wherever it points: its last 10 successful and 10
          failed calls, and the HTTP status each got. Only a 200 counts as delivered.
        </p>
        {view.deliveries.ok ? (
          <DeliveryTable items={view.deliveries.items} />
        ) : view.deliveries.expected ? (
          <p className="text-sm" data-testid="webhook-deliveries-none">
            {view.deliveries.message}
          </p>
        ) : (
          <Alert variant="warning" data-testid="webhook-deliveries-error">
            <AlertTitle>Callbell could not be asked for its deliveries</AlertTitle>
            <p>{view.deliveries.message}</p>
          </Alert>
        )}
      </div>
    </section>
  );
}
