import type { Metadata } from "next";
import { ComposeForm } from "@/components/compose/compose-form";
import { loadComposeAccountData } from "@/lib/messages/account-data";
import { sendMessageAction } from "./actions";

export const metadata: Metadata = { title: "Compose" };

export default async function ComposePage() {
  const account = await loadComposeAccountData();
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compose</h1>
        <p className="text-sm text-muted-foreground">
          Send a text, a file or an approved WhatsApp template through Callbell.
        </p>
      </div>
      <ComposeForm account={account} sendAction={sendMessageAction} />
    </div>
  );
}
