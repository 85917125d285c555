import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Layout floor" };

/**
 * The Lighthouse bench's floor: Bellhop's layout (header, navigation, theme toggle, toasts) around nothing, so each
 * page's score can be read beside what Next, React and the layout cost on their own. It exists only where the bench
 * turns it on (`BELLHOP_BENCH_PAGES=1`), and only for someone signed in, as the pages it stands beside.
 */
export default async function LayoutFloorPage() {
  if (getEnv().BELLHOP_BENCH_PAGES !== "1") notFound();
  await requireUser("/bench/floor");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Layout floor</h1>
      <p className="text-sm text-muted-foreground">
        An empty page inside Bellhop&apos;s layout, for the benchmarks.
      </p>
    </div>
  );
}
