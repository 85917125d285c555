import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { ForgetOthersWork } from "@/components/shell/sign-out-form";
import { safeNextPath } from "@/lib/auth/credentials";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countUsers } from "@/lib/db/account-queries";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  if (await currentUser()) redirect(safeNextPath(next));
  return (
    <div className="mx-auto grid max-w-sm gap-6 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-sm text-muted-foreground">
          Bellhop sends on behalf of your team: sign in to use it.
        </p>
      </div>
      {/* Whoever was here before without signing out: their drafts go before anyone signs in. */}
      <ForgetOthersWork owner={null} />
      <CredentialsForm
        action={signInAction}
        submitLabel="Sign in"
        next={typeof next === "string" ? next : ""}
      />
    </div>
  );
}
