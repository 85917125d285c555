"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { PlainTextField } from "@/components/ui/text-field";
import { useFocusOutcome } from "@/components/ui/use-focus-outcome";
import { useKeptValue } from "@/components/ui/use-kept-value";
import { useLastAction } from "@/components/ui/use-last-action";
import type { AddUserState } from "@/lib/auth/credentials";

/** An admin adds an agent or an admin with a first password, to hand over in person. */
export function AddUserForm({
  action,
}: {
  action: (previous: AddUserState, form: FormData) => Promise<AddUserState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const { ours, formProps } = useLastAction();
  // The password stays after a refusal (in the browser only), and leaves the field once the user is added.
  const [passwordRef, rememberPassword] = useKeptValue(state, Boolean(state.added));
  const errors = state.fieldErrors ?? {};
  const formRef = useFocusOutcome(state);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={rememberPassword}
      {...formProps}
      className="grid max-w-xl gap-4 rounded-lg border p-4"
      noValidate
    >
      <h2 className="font-medium">Add a user</h2>
      <PlainTextField
        id="new-user-email"
        label="New user's email"
        error={errors.email}
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={state.email}
      />
      <PlainTextField
        id="new-user-password"
        label="New user's password"
        error={errors.password}
        name="password"
        type="password"
        autoComplete="new-password"
        ref={passwordRef}
      />
      <Field>
        <FieldLabel htmlFor="new-user-role">Role</FieldLabel>
        <NativeSelect
          {...fieldAria("new-user-role", errors.role)}
          name="role"
          defaultValue={state.role || "agent"}
          key={state.role}
        >
          <option value="agent">Agent: compose, send, history</option>
          <option value="admin">Admin: also users and settings</option>
        </NativeSelect>
        <FieldError id="new-user-role-error">{errors.role}</FieldError>
      </Field>
      {/* The outcome of this form's last send, until any other action on the page (a row's button) is taken. */}
      {ours && state.message && (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      )}
      {ours && state.added && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Added {state.added}. They can sign in now.
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          Add user
        </Button>
      </div>
    </form>
  );
}
