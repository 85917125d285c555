import type { Metadata } from "next";
import { ComposeForm } from "@/components/compose/compose-form";
import { requireUser } from "@/lib/auth/session";
import { getCallbellConnection } from "@/lib/settings/callbell-connection";
import { getEnv } from "@/lib/env";
import { loadComposeAccountData } from "@/lib/messages/account-data";
import { loadSendAgain } from "@/lib/messages/send-again";
import {
  refreshChannelsAction,
  refreshTemplatesAction,
  scheduleMessageAction,
  sendMessageAction,
} from "./actions";

export const metadata: Metadata = { title: "Compose" };

export default async function ComposePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { again } = await searchParams;
  const user = await requireUser(
    typeof again === "string" ? `/compose?again=${encodeURIComponent(again)}` : "/compose",
  );
  const account = await loadComposeAccountData();
  const prefill = typeof again === "string" ? await loadSendAgain(Number(again), account.templates) : null;
  const env = getEnv();
  const { state } = await getCallbellConnection();
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compose</h1>
        <p className="text-sm text-muted-foreground">
          Send a text, a file or an approved WhatsApp template through Callbell.
        </p>
      </div>
      {typeof again === "string" && !prefill && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950/40 p-3 text-sm text-amber-950 dark:text-amber-100"
        >
          That send is not in the history, so there is nothing to send again.
        </p>
      )}
      <ComposeForm
        account={account}
        prefill={prefill}
        sendAction={sendMessageAction}
        scheduleAction={scheduleMessageAction}
        refreshTemplatesAction={refreshTemplatesAction}
        refreshChannelsAction={refreshChannelsAction}
        apiUrl={state.mode === "sandbox" ? null : env.CALLBELL_API_URL}
        userId={user.id}
      />
    </div>
  );
}
