"use server";

import { formInput } from "@/lib/http/form-input";
import { redirect } from "next/navigation";
import {
  credentialsSchema,
  firstErrorPerField,
  newPasswordSchema,
  type CredentialsState,
} from "@/lib/auth/credentials";
import { audit } from "@/lib/audit/record";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createFirstAdmin } from "@/lib/auth/users";

/** The one-time setup: creates the first admin while there is no user at all, then signs them in. */
export async function setupAction(_previous: CredentialsState, input: FormData): Promise<CredentialsState> {
  const form = formInput(input);
  const email = String(form.get("email") ?? "");
  const parsed = credentialsSchema.extend({ password: newPasswordSchema }).safeParse({
    email,
    password: form.get("password"),
  });
  if (!parsed.success) {
    const fieldErrors = firstErrorPerField<"email" | "password">(parsed.error);
    return { fieldErrors, email };
  }
  const created = await createFirstAdmin(parsed.data.email, parsed.data.password);
  if (!created) redirect("/login");
  await audit("user-added", created, { email: created.email, role: "admin", via: "setup" });
  const failed = await signInWithPassword(form);
  if (failed) return failed;
  redirect("/compose");
}
