import { AutoRefresh } from "@/components/history/auto-refresh";
import { Moment } from "@/components/ui/moment";
import type { ReceivedMessageRow } from "@/lib/db/schema";
import { prettyJson } from "@/lib/format/pretty-json";
import { REPLIES_NEED_WEBHOOK } from "@/lib/replies/replies-words";
import { ReplyIcon } from "./replied-mark";

const pretty = (json: string) => prettyJson(json) ?? json;

/**
 * A send's replies on its page: what the customer wrote back (the text, or "location", "contact card", "button: Yes"
 * for the other kinds), when, and the raw event. Without the webhook it says that replies cannot be known.
 */
export function SendReplies({
  replies,
  known,
  watch,
}: {
  replies: ReceivedMessageRow[];
  /** Whether the webhook is set up: only it tells replies. */
  known: boolean;
  /** Whether a reply may come any moment (lib/replies/reply-watch.ts): the page reads itself again until then. */
  watch: boolean;
}) {
  return (
    <section aria-labelledby="replies-heading" className="grid gap-2 rounded-lg border p-4 text-sm">
      {watch && known && replies.length === 0 && <AutoRefresh everyMs={10_000} />}
      <h2 id="replies-heading" className="font-medium">
        Replies
      </h2>
      {!known ? (
        <p data-testid="replies-need-webhook">{REPLIES_NEED_WEBHOOK}</p>
      ) : replies.length === 0 ? (
        <p className="text-muted-foreground">
          No reply yet. A customer&apos;s message is linked to the latest send to them in the 72 hours before
          it.
        </p>
      ) : (
        <ol aria-label="Replies" className="grid gap-3">
          {replies.map((reply) => (
            <li key={reply.id} data-kind={reply.kind} className="grid gap-1">
              <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                <ReplyIcon className="text-sky-700 dark:text-sky-300" />
                <span>
                  {reply.kind === "text" ? "Wrote" : "Sent"}{" "}
                  <Moment iso={(reply.writtenAt ?? reply.receivedAt).toISOString()} />
                </span>
              </p>
              <p
                data-testid="reply-text"
                className="w-fit max-w-md rounded-lg rounded-tl-none bg-muted px-3 py-2 whitespace-pre-wrap wrap-anywhere"
              >
                {reply.text}
              </p>
              <details>
                <summary className="cursor-pointer text-xs text-muted-foreground max-lg:py-1.5">
                  Raw event
                </summary>
                <pre className="mt-1 overflow-x-auto rounded bg-muted p-2 text-xs max-sm:break-all max-sm:whitespace-pre-wrap">
                  {pretty(reply.payload)}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
