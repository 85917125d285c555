"use server";

import { redirect } from "next/navigation";
import type { CredentialsState } from "@/lib/auth/credentials";
import { signInWithPassword, signOut } from "@/lib/auth/sign-in";

/** Only a path on this site: `next` must not send a signed-in agent elsewhere. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/compose";
}

export async function signInAction(_previous: CredentialsState, form: FormData): Promise<CredentialsState> {
  const failed = await signInWithPassword(form);
  if (failed) return failed;
  redirect(safeNext(form.get("next")));
}

export async function signOutAction() {
  await signOut();
  redirect("/login");
}
