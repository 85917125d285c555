import type { Metadata } from "next";
import { BroadcastWizard } from "@/components/broadcasts/broadcast-wizard";
import { requireUser } from "@/lib/auth/session";
import { failedRowsList } from "@/lib/broadcasts/failed-rows";
import { followUpRowsList } from "@/lib/broadcasts/follow-up-rows";
import { followUpIntro, readFollowUp } from "@/lib/broadcasts/follow-up";
import { getDb } from "@/lib/db/client";
import { loadComposeAccountData } from "@/lib/messages/account-data";
import { channelsOf } from "@/lib/messages/channels";
import { sendTestAction } from "../actions";

export const metadata: Metadata = { title: "New broadcast" };

export default async function NewBroadcastPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { from } = params;
  // Rows that did not read or reply (`&rows=unread|unreplied&after=<minutes>`), else the failed rows.
  const followUp = readFollowUp(params);
  const user = await requireUser(
    typeof from === "string"
      ? `/broadcasts/new?from=${encodeURIComponent(from)}${followUp ? `&rows=${followUp.rows}&after=${followUp.after}` : ""}`
      : "/broadcasts/new",
  );
  const source = typeof from === "string" && Number.isInteger(Number(from)) ? Number(from) : null;
  const [account, initial] = await Promise.all([
    loadComposeAccountData(),
    source === null
      ? null
      : followUp
        ? followUpRowsList(await getDb(), source, followUp.rows, followUp.after)
        : params.rows === undefined
          ? failedRowsList(await getDb(), source)
          : null,
  ]);
  return (
    <div className="grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New broadcast</h1>
        <p className="text-sm text-muted-foreground">
          {initial && followUp
            ? followUpIntro(source!, followUp)
            : initial
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
        owner={user.id}
      />
    </div>
  );
}
