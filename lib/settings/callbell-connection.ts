/**
 * Which Callbell this process speaks to, as the settings say: the in-process sandbox, or the live API with the
 * environment's token or the one stored on /settings. `lib/callbell` knows nothing of this; it is given a base URL,
 * a token and a fetch.
 */
import "server-only";
import { loadOrCreateSecret } from "@/lib/auth/secret";
import { createCallbellClient, type CallbellClient } from "@/lib/callbell";
import { getDb } from "@/lib/db/client";
import { readSettings } from "@/lib/db/queries";
import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process/state";
import { sandboxFetch } from "@/lib/sandbox/simulator";
import { resolveConnection, type ConnectionState } from "./connection-state";

/** The base URL the in-process simulator answers on; it never leaves the process. */
const SANDBOX_BASE_URL = "http://sandbox.bellhop.internal/v1";

/**
 * How long a process trusts what it read of the settings. A change made here applies at once (see
 * `forgetCallbellConnection`); one made by another process sharing the database applies within this time.
 */
const SETTINGS_TTL_MS = 5_000;

/** What a Callbell call needs: the client, and which account it speaks to (`key` changes whenever that does). */
export type CallbellConnection = { client: CallbellClient; state: ConnectionState; key: string };

type Cached = { connection: CallbellConnection; expires: number };
const cachedConnection = processSlot<Cached>("callbell:connection");
const loadingConnection = processSlot<Promise<CallbellConnection>>("callbell:connection-loading");
/** Counts settings changes in this process, so that a read overlapping one is not kept. */
const settingsGeneration = processSlot<number>("callbell:settings-generation");

/** Live mode without a usable token: every call is refused here, with a sentence an agent can act on. */
const noTokenFetch: typeof fetch = async () =>
  Response.json(
    {
      error:
        "Bellhop is set to the live Callbell account but has no usable token; an admin can set one in Settings. Nothing was sent.",
    },
    { status: 401 },
  );

function createClient(state: ConnectionState): CallbellClient {
  const env = getEnv();
  if (state.mode === "sandbox") {
    return createCallbellClient({
      baseUrl: SANDBOX_BASE_URL,
      token: "sandbox",
      timeoutMs: env.CALLBELL_TIMEOUT_MS,
      fetch: sandboxFetch,
    });
  }
  return createCallbellClient({
    baseUrl: env.CALLBELL_API_URL,
    token: state.token ?? "none",
    timeoutMs: env.CALLBELL_TIMEOUT_MS,
    ...(state.token ? {} : { fetch: noTokenFetch }),
  });
}

/** The Callbell client for a token being checked before it is saved: the live API, whatever the mode. */
export function createLiveClientFor(token: string): CallbellClient {
  const env = getEnv();
  return createCallbellClient({ baseUrl: env.CALLBELL_API_URL, token, timeoutMs: env.CALLBELL_TIMEOUT_MS });
}

/** The secret that seals the stored token (the same one that signs sessions). */
export function settingsSecret(): string {
  const env = getEnv();
  return loadOrCreateSecret(env.BELLHOP_SECRET, env.dataDir);
}

async function loadConnection(previous: CallbellConnection | undefined): Promise<CallbellConnection> {
  const env = getEnv();
  const state = resolveConnection(
    env.CALLBELL_API_TOKEN,
    await readSettings(await getDb()),
    settingsSecret(),
  );
  // The key tells caches keyed by account apart; it names the token by a counter, never by its value.
  const key = `${state.mode}:${state.tokenSource ?? "none"}:${state.storedToken?.savedAt.getTime() ?? 0}`;
  if (previous && previous.key === key) return { ...previous, state };
  return { client: createClient(state), state, key };
}

/** The mode and token as the settings say now, without making (or caching) a client: for start-up messages. */
export async function readConnectionState(): Promise<ConnectionState> {
  const env = getEnv();
  return resolveConnection(env.CALLBELL_API_TOKEN, await readSettings(await getDb()), settingsSecret());
}

/** This process's connection to Callbell: the sandbox, or the live API with the environment's or stored token. */
export async function getCallbellConnection(): Promise<CallbellConnection> {
  const cached = cachedConnection.get();
  if (cached && cached.expires > Date.now()) return cached.connection;
  const generation = settingsGeneration.get() ?? 0;
  let loading = loadingConnection.get();
  if (!loading) {
    loading = loadConnection(cached?.connection)
      .then((connection) => {
        // A read that overlapped a change in this process is used once but not kept.
        if (generation === (settingsGeneration.get() ?? 0)) {
          cachedConnection.set({ connection, expires: Date.now() + SETTINGS_TTL_MS });
        }
        return connection;
      })
      .finally(() => loadingConnection.set(undefined));
    loadingConnection.set(loading);
  }
  return loading;
}

export async function getCallbellClient(): Promise<CallbellClient> {
  return (await getCallbellConnection()).client;
}

/** After a settings change: the next call reads the settings again. */
export function forgetCallbellConnection() {
  settingsGeneration.set((settingsGeneration.get() ?? 0) + 1);
  cachedConnection.set(undefined);
  loadingConnection.set(undefined);
}
