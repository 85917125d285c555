"use server";

import { formInput } from "@/lib/http/form-input";
import { redirect } from "next/navigation";
import { safeNextPath, type CredentialsState } from "@/lib/auth/credentials";
import { signInWithPassword, signOut } from "@/lib/auth/sign-in";

export async function signInAction(_previous: CredentialsState, input: FormData): Promise<CredentialsState> {
  const form = formInput(input);
  const failed = await signInWithPassword(form);
  if (failed) return failed;
  redirect(safeNextPath(form.get("next")));
}

export async function signOutAction() {
  await signOut();
  redirect("/login");
}
