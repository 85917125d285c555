import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BroadcastProgressView } from "@/components/broadcasts/broadcast-progress";
import { BroadcastResults } from "@/components/broadcasts/broadcast-results";
import { broadcastResults } from "@/lib/broadcasts/broadcast-results";
import { repliesKnown } from "@/lib/replies/replies-known";
import { Moment } from "@/components/ui/moment";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireUser } from "@/lib/auth/session";
import { mayControlBroadcast } from "@/lib/broadcasts/ownership";
import { broadcastProgress } from "@/lib/broadcasts/progress";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/utils";
import { controlBroadcastAction } from "../actions";

export const metadata: Metadata = { title: "Broadcast" };

export default async function BroadcastPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: idParam } = await params;
  const user = await requireUser(`/broadcasts/${encodeURIComponent(idParam)}`);
  const id = parseId(idParam);
  if (!id) notFound();
  const progress = await broadcastProgress(await getDb(), id);
  if (!progress) notFound();
  const results = await broadcastResults(await getDb(), id, repliesKnown());
  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <p className="text-sm">
          <Link href="/broadcasts" className="underline max-lg:inline-block max-lg:py-1.5">
            Broadcasts
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{progress.name}</h1>
        <p className="text-sm text-muted-foreground">
          Template {progress.templateTitle ?? "—"} · created <Moment iso={progress.createdAt} /> by{" "}
          {progress.createdByEmail ?? "—"}
          {progress.retryOfId && (
            <>
              {" "}
              · the failed rows of{" "}
              <Link href={`/broadcasts/${progress.retryOfId}`} className="underline">
                broadcast {progress.retryOfId}
              </Link>
            </>
          )}
        </p>
      </div>
      <QueryProvider>
        <BroadcastProgressView
          initial={progress}
          canControl={mayControlBroadcast(user, progress)}
          control={controlBroadcastAction}
          results={results && <BroadcastResults id={id} initial={results} repliesKnown={repliesKnown()} />}
        />
      </QueryProvider>
    </div>
  );
}
