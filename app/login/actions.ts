"use server";

import { redirect } from "next/navigation";
import { safeNextPath, type CredentialsState } from "@/lib/auth/credentials";
import { signInWithPassword, signOut } from "@/lib/auth/sign-in";

export async function signInAction(_previous: CredentialsState, form: FormData): Promise<CredentialsState> {
  const failed = await signInWithPassword(form);
  if (failed) return failed;
  redirect(safeNextPath(form.get("next")));
}

export async function signOutAction() {
  await signOut();
  redirect("/login");
}
