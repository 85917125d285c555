"use client";

import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Moment } from "@/components/ui/moment";
import { useFocusOutcome } from "@/components/ui/use-focus-outcome";
import { useLastAction } from "@/components/ui/use-last-action";
import type { ConnectionView } from "@/lib/settings/settings";
import type { ModeFormState, TokenFormState } from "@/lib/settings/token-input";
import { TokenForm } from "./token-form";

type Action<State> = (previous: State, form: FormData) => Promise<State>;

/**
 * The mode switch and the token, for admins. The answer of the last switch or removal is kept here, at the top, so
 * "back in sandbox mode" stays on screen after the page re-renders without the button that asked for it, until
 * another action on the page (checking or saving a token) takes its place.
 */
export function ConnectionSettings({
  view,
  connectionAction,
  tokenAction,
}: {
  view: ConnectionView;
  connectionAction: Action<ModeFormState>;
  tokenAction: Action<TokenFormState>;
}) {
  const [state, act, pending] = useActionState(connectionAction, {});
  const { ours, formProps } = useLastAction();
  const live = view.mode === "live";
  // The answer to a switch or a removal takes the focus: the button pressed may be gone from the page.
  const outcomeRef = useFocusOutcome<HTMLDivElement>(state);
  const removeButton = (
    <form action={act} {...formProps}>
      <input type="hidden" name="intent" value="remove-token" />
      <Button type="submit" variant="destructive" disabled={pending}>
        Remove token
      </Button>
    </form>
  );
  return (
    <>
      <div ref={outcomeRef} className="contents">
        {ours && state.message && (
          <p role="status" className="rounded-md border bg-muted p-3 text-sm">
            {state.message}
          </p>
        )}
      </div>
      <section aria-labelledby="mode-heading" className="grid gap-3 rounded-lg border p-4">
        <h2 id="mode-heading" className="font-medium">
          Mode
        </h2>
        <p className="text-sm" data-mode={view.mode}>
          {live ? (
            <>
              <Badge variant="success">Live</Badge> Messages go to real customers through{" "}
              {view.account ? <strong>{view.account}</strong> : "the Callbell account"}.
            </>
          ) : (
            <>
              <Badge variant="warning">Sandbox</Badge> Messages go to Bellhop&apos;s built-in simulator and
              are not delivered.
            </>
          )}
          {!view.modeChosen && " This is the default: no admin has chosen a mode yet."}
        </p>
        <form action={act} {...formProps} className="grid gap-2">
          <input type="hidden" name="intent" value={live ? "sandbox" : "live"} />
          <div>
            <Button
              type="submit"
              variant="outline"
              disabled={pending || (!live && !view.maskedToken)}
              aria-describedby="mode-switch-description"
            >
              {live ? "Switch to sandbox" : "Switch to live"}
            </Button>
          </div>
          <p id="mode-switch-description" className="text-xs text-muted-foreground">
            {live
              ? "Sends go to the simulator again; nothing is delivered."
              : view.maskedToken
                ? "Every page shows the mode; the next sends go to real customers."
                : "Save a Callbell token below first."}
          </p>
        </form>
      </section>

      <section aria-labelledby="token-heading" className="grid gap-4 rounded-lg border p-4">
        <h2 id="token-heading" className="font-medium">
          Callbell token
        </h2>
        {view.tokenSource === "environment" ? (
          <p className="text-sm">
            <strong>Set by the environment</strong> (<code className="font-mono">CALLBELL_API_TOKEN</code>):{" "}
            <code className="font-mono">{view.maskedToken}</code>. It wins over a token saved here; to manage
            the token on this page, remove it from the environment and restart Bellhop.
          </p>
        ) : view.tokenSource === "settings" ? (
          <>
            <p className="text-sm">
              Stored (encrypted): <code className="font-mono">{view.maskedToken}</code>
              {view.account && (
                <>
                  {" "}
                  of <strong>{view.account}</strong>
                </>
              )}
              {view.savedAt && (
                <span className="text-muted-foreground">
                  , saved <Moment iso={view.savedAt} />
                  {view.savedBy ? ` by ${view.savedBy}` : ""}
                </span>
              )}
              .
            </p>
            {removeButton}
          </>
        ) : view.storedTokenUnreadable ? (
          <>
            <p role="alert" className="text-sm text-destructive">
              A token is stored but cannot be decrypted with this server&apos;s secret (
              <code>BELLHOP_SECRET</code> or <code>data/secret.key</code> changed). Paste the token again, or
              remove it.
            </p>
            {removeButton}
          </>
        ) : (
          <p className="text-sm">No token yet: Bellhop can only use the sandbox.</p>
        )}
        {view.tokenSource !== "environment" && (
          <TokenForm action={tokenAction} replacing={view.tokenSource === "settings"} />
        )}
      </section>
    </>
  );
}
