import type { Metadata } from "next";
import { BroadcastWizard, type WizardInitial } from "@/components/broadcasts/broadcast-wizard";
import { requireUser } from "@/lib/auth/session";
import { findBroadcast, listRecipientReport } from "@/lib/db/broadcast-queries";
import { getDb } from "@/lib/db/client";
import { csvLine } from "@/lib/history/csv";
import { loadComposeAccountData } from "@/lib/messages/account-data";
import { channelsOf } from "@/lib/messages/channels";
import { sendTestAction } from "../actions";

export const metadata: Metadata = { title: "New broadcast" };

/** A new broadcast from another's failed rows: the same template and channel, and a list of only those rows. */
async function failedRowsOf(id: number): Promise<WizardInitial | null> {
  const db = await getDb();
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return null;
  const rows = [];
  for (let after = 0; ;) {
    const batch = await listRecipientReport(db, id, { state: "failed", afterId: after, limit: 1_000 });
    rows.push(...batch);
    if (batch.length < 1_000) break;
    after = batch[batch.length - 1]!.id;
  }
  const width = Math.max(0, ...rows.map((row) => (JSON.parse(row.values) as string[]).length));
  const withMedia = rows.some((row) => row.mediaUrl);
  const header = [
    "phone",
    ...Array.from({ length: width }, (_, index) => String(index + 1)),
    ...(withMedia ? ["media_url"] : []),
  ];
  const csv =
    csvLine(header) +
    rows
      .map((row) =>
        csvLine([row.phone, ...(JSON.parse(row.values) as string[]), ...(withMedia ? [row.mediaUrl] : [])]),
      )
      .join("");
  return {
    templateUuid: broadcast.templateUuid,
    channelUuid: broadcast.channelUuid ?? "",
    csv,
    retryOfId: id,
  };
}

export default async function NewBroadcastPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { from } = await searchParams;
  await requireUser(
    typeof from === "string" ? `/broadcasts/new?from=${encodeURIComponent(from)}` : "/broadcasts/new",
  );
  const [account, initial] = await Promise.all([
    loadComposeAccountData(),
    typeof from === "string" && Number.isInteger(Number(from)) ? failedRowsOf(Number(from)) : null,
  ]);
  return (
    <div className="grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New broadcast</h1>
        <p className="text-sm text-muted-foreground">
          {initial
            ? `The failed rows of broadcast ${initial.retryOfId}, as a new list: check it and confirm again.`
            : "One approved WhatsApp template to many customers, paced, each number once, with a report per recipient."}
        </p>
      </div>
      <BroadcastWizard
        templates={account.templates}
        templatesError={account.templatesError}
        channels={channelsOf(account.channels, "whatsapp")}
        channelsError={account.channels.whatsapp.ok ? null : account.channels.whatsapp.error}
        initial={initial}
        sendTest={sendTestAction}
      />
    </div>
  );
}
