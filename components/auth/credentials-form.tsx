"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { PlainTextField } from "@/components/ui/text-field";
import { useFocusOutcome } from "@/components/ui/use-focus-outcome";
import { useKeptValue } from "@/components/ui/use-kept-value";
import type { CredentialsState } from "@/lib/auth/credentials";

/**
 * Email and password, posted to a server action; errors come back next to their fields, and what was typed stays:
 * the email comes back in the action's answer, the password never leaves the browser (useKeptValue puts it back
 * after React resets the form).
 */
export function CredentialsForm({
  action,
  submitLabel,
  next,
  newPassword = false,
}: {
  action: (previous: CredentialsState, form: FormData) => Promise<CredentialsState>;
  submitLabel: string;
  next?: string;
  newPassword?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [passwordRef, rememberPassword] = useKeptValue(state, false);
  const emailError = state.fieldErrors?.email;
  const passwordError = state.fieldErrors?.password;
  const formRef = useFocusOutcome(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={rememberPassword} className="grid gap-4" noValidate>
      {next !== undefined && <input type="hidden" name="next" value={next} />}
      <PlainTextField
        id="auth-email"
        label="Email"
        error={emailError}
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state.email}
        required
      />
      <PlainTextField
        id="auth-password"
        label="Password"
        error={passwordError}
        name="password"
        type="password"
        autoComplete={newPassword ? "new-password" : "current-password"}
        ref={passwordRef}
        required
      />
      {state.message && (
        <p
          role="alert"
          className="rounded-md border border-destructive/40 bg-red-50 dark:bg-red-950/40 p-3 text-sm text-red-900 dark:text-red-200"
        >
          {state.message}
        </p>
      )}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
