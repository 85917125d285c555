import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/credentials";
import { getDb } from "@/lib/db/client";
import { countUsers } from "@/lib/db/account-queries";
import { setupAction } from "./actions";

export const metadata: Metadata = { title: "Set up Bellhop" };

/** Exists only while Bellhop has no user: the first person here becomes its admin. */
export default async function SetupPage() {
  if ((await countUsers(await getDb())) > 0) notFound();
  return (
    <div className="mx-auto grid max-w-sm gap-6 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Set up Bellhop</h1>
        <p className="text-sm text-muted-foreground">
          Create the first admin. This page disappears once an account exists. Use a password of at least{" "}
          {MIN_PASSWORD_LENGTH} characters.
        </p>
      </div>
      <CredentialsForm action={setupAction} submitLabel="Create admin" newPassword />
    </div>
  );
}
