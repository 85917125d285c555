"use server";

import { currentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

/** How long the empty action waits: the stub's answer time in the send bench, so the two are compared alike. */
const WAIT_MS = 50;

/**
 * Next's own floor for a server action: it does nothing but wait as long as Callbell's stub takes to answer a send.
 * The send bench calls it beside the compose page's send (`e2e/perf/send.bench.mjs`). It does nothing unless the bench
 * pages are on, and then only for someone signed in: the session is read, as the send reads it.
 */
export async function emptyAction(): Promise<{ ok: boolean }> {
  if (getEnv().BELLHOP_BENCH_PAGES !== "1" || !(await currentUser())) return { ok: false };
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  return { ok: true };
}
