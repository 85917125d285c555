"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldDescription } from "@/components/ui/field";
import { PlainTextField } from "@/components/ui/text-field";
import { useFocusOutcome } from "@/components/ui/use-focus-outcome";
import { useLastAction } from "@/components/ui/use-last-action";
import type { TokenFormState } from "@/lib/settings/token-input";

/**
 * Paste a token, `Check token` (Callbell says whose account it is), then `Save token`. The field is controlled so the
 * token survives the check; the server's answers never carry it back, only its last 4 characters.
 */
export function TokenForm({
  action,
  replacing,
}: {
  action: (previous: TokenFormState, form: FormData) => Promise<TokenFormState>;
  replacing: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const { ours, formProps } = useLastAction();
  const [token, setToken] = useState("");
  const [submitted, setSubmitted] = useState<string | null>(null);
  // A saved token leaves the field: it is stored, and the page shows it masked.
  const [savedShown, setSavedShown] = useState<TokenFormState["saved"]>(undefined);
  if (state.saved && state.saved !== savedShown) {
    setSavedShown(state.saved);
    setToken("");
  }
  // Its answers stand until another action on the page (a mode switch, a removal) is taken.
  const checkedThis = ours && state.checked && token.trim() === submitted;
  const fieldError = token.trim() === submitted || token === "" ? state.fieldError : undefined;
  const formRef = useFocusOutcome(state);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={() => setSubmitted(token.trim())}
      {...formProps}
      className="grid gap-3"
      noValidate
      autoComplete="off"
    >
      <PlainTextField
        id="callbell-token"
        label="Callbell API token"
        name="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(event) => setToken(event.target.value)}
        error={fieldError}
      />
      <FieldDescription>
        {replacing ? "A new token replaces the stored one once it is checked and saved. " : ""}
        Create one in Callbell under Settings → API. Bellhop checks it with Callbell before saving, stores it
        encrypted and shows only its last 4 characters.
      </FieldDescription>
      {checkedThis && state.checked && (
        <p
          role="status"
          className="rounded-md border border-emerald-300 dark:border-emerald-800 bg-emerald-50 dark:bg-emerald-950/40 p-3 text-sm text-emerald-950 dark:text-emerald-100"
        >
          This token ({state.checked.masked}) belongs to the Callbell account{" "}
          <strong>{state.checked.email || state.checked.name}</strong>
          {state.checked.name && state.checked.email ? ` (${state.checked.name})` : ""}. Save it to use it.
        </p>
      )}
      {ours && state.saved && !token && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Saved the token {state.saved.masked} of {state.saved.email}.
        </p>
      )}
      {ours && state.message && (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button
          type="submit"
          name="intent"
          value="check"
          variant={checkedThis ? "outline" : "default"}
          disabled={pending}
        >
          Check token
        </Button>
        {checkedThis && (
          <Button type="submit" name="intent" value="save" disabled={pending}>
            Save token
          </Button>
        )}
      </div>
    </form>
  );
}
