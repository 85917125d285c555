import type { Metadata } from "next";
import { ConnectionSettings } from "@/components/settings/connection-settings";
import { requireAdmin } from "@/lib/auth/session";
import { currentConnectionView } from "@/lib/settings/settings";
import { connectionAction, tokenAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdmin("/settings");
  return (
    <div className="grid max-w-3xl gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          Which Callbell account Bellhop sends through. Admins only.
        </p>
      </div>
      <ConnectionSettings
        view={await currentConnectionView()}
        connectionAction={connectionAction}
        tokenAction={tokenAction}
      />
    </div>
  );
}
