import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryTable } from "@/components/history/history-table";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/account-queries";
import { listHistoryChannels, listHistoryTemplates } from "@/lib/db/history-queries";
import { parseHistoryFilters } from "@/lib/history/filters";
import { preloadHistory } from "@/lib/history/history-data";
import { loadAccountChannels } from "@/lib/messages/account-data";
import { allChannels, channelLabel } from "@/lib/messages/channels";
import { repliesKnown } from "@/lib/replies/replies-known";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("/history");
  const db = await getDb();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const one of [value ?? []].flat()) params.append(key, one);
  }
  // The first page is in the HTML: the table is there at once, with no request after load. Filters that cannot be
  // read are ignored, as the table does, which says which they are; the counts load after, as they may take longer.
  const { filters } = parseHistoryFilters(params);
  const [templates, channelUuids, accounts, channels, preloaded] = await Promise.all([
    listHistoryTemplates(db),
    listHistoryChannels(db),
    listAccounts(db),
    loadAccountChannels().then(allChannels),
    preloadHistory(filters),
  ]);
  const titleOf = (uuid: string) => {
    const channel = channels.find((one) => one.uuid === uuid);
    return channel ? channelLabel(channel, { platform: true }) : uuid;
  };
  const options = {
    templates: templates.sort((a, b) => (a.title ?? a.uuid).localeCompare(b.title ?? b.uuid)),
    // The account's channels, and any other that occurs in the history (one since removed, say).
    channels: [...new Set([...channels.map((channel) => channel.uuid), ...channelUuids])].map((uuid) => ({
      uuid,
      title: titleOf(uuid),
    })),
    senders: accounts.map((account) => ({ id: account.id, email: account.email })),
  };
  return (
    <div className="grid grid-cols-1 gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">History</h1>
        <p className="text-sm text-muted-foreground">
          Every send, newest first, with its Callbell uuid and live delivery status.
        </p>
      </div>
      <QueryProvider>
        <Suspense fallback={<p aria-busy="true">Loading the history…</p>}>
          <HistoryTable options={options} preloaded={preloaded} repliesKnown={repliesKnown()} />
        </Suspense>
      </QueryProvider>
    </div>
  );
}
