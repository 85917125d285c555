import Link from "next/link";
import type { ConnectionView } from "@/lib/settings/settings";

export const SANDBOX_NOTICE = "Sandbox: messages are not delivered";

/** On every page, the mode that decides whether a send reaches a customer; admins get the way to change it. */
export function ModeBanner({ view, admin }: { view: ConnectionView; admin: boolean }) {
  const settingsLink = admin ? (
    <>
      {" "}
      <Link href="/settings" className="underline underline-offset-2 max-lg:inline-block max-lg:py-1.5">
        Settings
      </Link>
    </>
  ) : null;
  if (view.mode === "sandbox") {
    return (
      <div className="border-b border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950/40 px-4 py-2 text-center text-sm text-amber-950 dark:text-amber-100">
        <strong>{SANDBOX_NOTICE}</strong>. Bellhop answers with its built-in Callbell simulator{" "}
        {view.modeChosen ? "because an admin chose sandbox mode." : "because no Callbell token is set."}
        {settingsLink}
      </div>
    );
  }
  if (!view.maskedToken) {
    return (
      <div
        role="alert"
        className="border-b border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/40 px-4 py-2 text-center text-sm text-red-950 dark:text-red-100"
      >
        <strong>Live mode without a usable Callbell token</strong>: every send is refused until an admin saves
        a token or switches to the sandbox.{settingsLink}
      </div>
    );
  }
  return null;
}

/** The header's short form of the mode. */
export function modeLabel(view: ConnectionView): string {
  if (view.mode === "sandbox") return "Sandbox mode";
  return view.account ? `Live: Callbell account ${view.account}` : "Live: Callbell account";
}
