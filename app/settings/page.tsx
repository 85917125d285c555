import type { Metadata } from "next";
import { headers } from "next/headers";
import { ConnectionSettings } from "@/components/settings/connection-settings";
import { WebhookHealth } from "@/components/settings/webhook-health";
import { requireAdmin } from "@/lib/auth/session";
import { currentConnectionView } from "@/lib/settings/settings";
import { loadWebhookHealth } from "@/lib/settings/webhook-health";
import { connectionAction, tokenAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdmin("/settings");
  const [connection, webhook] = await Promise.all([
    currentConnectionView(),
    headers().then(loadWebhookHealth),
  ]);
  return (
    <div className="grid max-w-3xl gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          Which Callbell account Bellhop sends through. Admins only.
        </p>
      </div>
      <ConnectionSettings view={connection} connectionAction={connectionAction} tokenAction={tokenAction} />
      <WebhookHealth view={webhook} />
    </div>
  );
}
