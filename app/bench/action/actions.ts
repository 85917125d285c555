"use server";

import { getEnv } from "@/lib/env";

/** How long the empty action waits: the stub's answer time in the send bench, so the two are compared alike. */
const WAIT_MS = 50;

/**
 * Next's own floor for a server action: it does nothing but wait as long as Callbell's stub takes to answer a send.
 * The send bench calls it beside the compose page's send (`e2e/perf/send.bench.mjs`); off unless the bench pages are.
 */
export async function emptyAction(): Promise<{ ok: boolean }> {
  if (getEnv().BELLHOP_BENCH_PAGES !== "1") return { ok: false };
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  return { ok: true };
}
