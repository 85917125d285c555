import "server-only";
import { getEnv } from "@/lib/env";
import { sandboxFetch } from "@/lib/sandbox/simulator";
import { createCallbellClient, type CallbellClient } from "./client";

export { CallbellError } from "./errors";
export type { CallbellClient } from "./client";
export type * from "./types";

/** The base URL the in-process simulator answers on; it never leaves the process. */
const SANDBOX_BASE_URL = "http://sandbox.bellhop.internal/v1";

const globalForCallbell = globalThis as unknown as { bellhopCallbell?: CallbellClient };

/** The one Callbell client of this process: the real API with the configured token, or the sandbox without one. */
export function getCallbellClient(): CallbellClient {
  if (globalForCallbell.bellhopCallbell) return globalForCallbell.bellhopCallbell;
  const env = getEnv();
  globalForCallbell.bellhopCallbell = env.CALLBELL_API_TOKEN
    ? createCallbellClient({
        baseUrl: env.CALLBELL_API_URL,
        token: env.CALLBELL_API_TOKEN,
        timeoutMs: env.CALLBELL_TIMEOUT_MS,
      })
    : createCallbellClient({
        baseUrl: SANDBOX_BASE_URL,
        token: "sandbox",
        timeoutMs: env.CALLBELL_TIMEOUT_MS,
        fetch: sandboxFetch,
      });
  return globalForCallbell.bellhopCallbell;
}
