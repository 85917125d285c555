import type { Metadata } from "next";
import { ComposeForm } from "@/components/compose/compose-form";
import { getEnv } from "@/lib/env";
import { loadComposeAccountData } from "@/lib/messages/account-data";
import { refreshTemplatesAction, sendMessageAction } from "./actions";

export const metadata: Metadata = { title: "Compose" };

export default async function ComposePage() {
  const account = await loadComposeAccountData();
  const env = getEnv();
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compose</h1>
        <p className="text-sm text-muted-foreground">
          Send a text, a file or an approved WhatsApp template through Callbell.
        </p>
      </div>
      <ComposeForm
        account={account}
        sendAction={sendMessageAction}
        refreshTemplatesAction={refreshTemplatesAction}
        apiUrl={env.sandbox ? null : env.CALLBELL_API_URL}
      />
    </div>
  );
}
