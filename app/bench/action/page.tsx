import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { emptyAction } from "./actions";
import { EmptyActionButton } from "./empty-action-button";

export const metadata: Metadata = { title: "Empty action" };

/**
 * The send bench's floor: a server action that does nothing but wait as long as the stub does, called as the compose
 * page calls its send. It exists only where the bench turns it on (`BELLHOP_BENCH_PAGES=1`), signed in.
 */
export default async function EmptyActionPage() {
  if (getEnv().BELLHOP_BENCH_PAGES !== "1") notFound();
  await requireUser("/bench/action");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Empty action</h1>
      <p className="text-sm text-muted-foreground">
        A server action that only waits 50 ms, for the benchmarks.
      </p>
      <EmptyActionButton action={emptyAction} />
    </div>
  );
}
