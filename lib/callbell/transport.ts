import { CallbellError, isCallbellError, parseCallbellError, parseRetryAfter } from "./errors";
import {
  IN_REQUEST_SEND_ATTEMPTS,
  inRequestDelayMs,
  mayReadAgain,
  maySendAgain,
  READ_MAX_ATTEMPTS,
} from "./retry-policy";

export type CallbellFetch = (url: string, init: RequestInit) => Promise<Response>;

export type CallbellClientOptions = {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** How requests go out (the sandbox's simulator, or a test's stub): called with a full URL and its init. */
  fetch?: CallbellFetch;
  /** Injected by tests so that backoff takes no time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const MAX_PAGES = 100;

/** The most of an answer Bellhop reads: Callbell's largest lists are far below it; an endless body is cut off. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** What replaces Bellhop's own token wherever an answer repeats it. */
export const TOKEN_REDACTED = "[Callbell token removed by Bellhop]";

/**
 * The answer without Bellhop's token: a Callbell (or a proxy before it) that echoes the request's headers in an error
 * would otherwise put the token into the history, where every user reads it.
 */
export function withoutToken(text: string, token: string): string {
  if (token.length < 8) return text;
  const forms = new Set([token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token)]);
  let clean = text;
  for (const form of forms) clean = clean.split(form).join(TOKEN_REDACTED);
  return clean;
}

/** The body as text, read up to `MAX_RESPONSE_BYTES`; beyond that the rest is dropped and the connection closed. */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new CallbellError({
        kind: "response",
        status: response.status,
        message: `Callbell's answer was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB: Bellhop stopped reading it`,
      });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code === "ECONNREFUSED";
}

function toTransportError(error: unknown, timeoutMs: number): CallbellError {
  if (isCallbellError(error)) return error;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new CallbellError({
      kind: "timeout",
      status: 0,
      message: `Callbell did not answer within ${Math.round(timeoutMs / 1000)} s`,
    });
  }
  const refused = isConnectionRefused(error);
  return new CallbellError({
    kind: "network",
    status: 0,
    message: refused
      ? "Callbell could not be reached (connection refused)"
      : `Callbell could not be reached (${(error as Error)?.message ?? "network error"})`,
    notDelivered: refused,
  });
}

/** Whether this failure may be tried again: a send only where it surely delivered nothing (see `retry-policy.ts`). */
function isRetryable(error: CallbellError, kind: "read" | "send"): boolean {
  const failure = {
    status: error.status,
    notDelivered: error.notDelivered,
    noAnswer: error.kind === "timeout" || error.kind === "network",
  };
  return kind === "send" ? maySendAgain(failure) : mayReadAgain(failure);
}

/**
 * How Bellhop talks to Callbell: one request (token, JSON, timeout, errors as `CallbellError`), repeated as the
 * retry policy allows, and paged lists read without trusting `meta` alone.
 */
export function createTransport(options: CallbellClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");

  async function attempt(method: string, path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${options.token}`,
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
        cache: "no-store",
      });
    } catch (error) {
      throw toTransportError(error, options.timeoutMs);
    }
    let text: string;
    try {
      text = withoutToken(await readCapped(response), options.token);
    } catch (error) {
      throw toTransportError(error, options.timeoutMs);
    }
    if (!response.ok) {
      throw parseCallbellError(response.status, text, parseRetryAfter(response.headers.get("retry-after")));
    }
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      throw new CallbellError({
        kind: "response",
        status: response.status,
        message: `Callbell answered HTTP ${response.status} with a body that is not JSON`,
      });
    }
  }

  /** One call, repeated by the retry policy: `maxAttempts` requests at most. */
  async function call(
    kind: "read" | "send",
    method: string,
    path: string,
    body?: unknown,
    maxAttempts = kind === "send" ? IN_REQUEST_SEND_ATTEMPTS : READ_MAX_ATTEMPTS,
  ): Promise<unknown> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt(method, path, body);
      } catch (error) {
        const failure = toTransportError(error, options.timeoutMs);
        if (attemptNumber >= maxAttempts || !isRetryable(failure, kind)) throw failure;
        await sleep(inRequestDelayMs(attemptNumber, failure.retryAfterSeconds, random()));
      }
    }
  }

  /**
   * Reads a paged list without trusting `meta` alone: it stops at the last page `meta` names, at an empty page, or at
   * a page that brings nothing new (a list that ignores `page` answers page 1 again), and never keeps an item twice.
   * Lists whose `page` parameter Callbell does not document are asked without it first, and paged only when `meta`
   * says there is more.
   */
  async function readAllPages<T>(
    path: string,
    key: string,
    map: (item: Record<string, unknown>) => T,
    identify: (item: T) => string,
    pageDocumented: boolean,
  ) {
    const items = new Map<string, T>();
    const separator = path.includes("?") ? "&" : "?";
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = page === 1 && !pageDocumented ? "" : `${separator}page=${page}`;
      const body = (await call("read", "GET", `${path}${query}`)) as Record<string, unknown>;
      const list = Array.isArray(body[key]) ? (body[key] as Record<string, unknown>[]) : [];
      let added = 0;
      for (const item of list.map(map)) {
        const id = identify(item);
        if (items.has(id)) continue;
        items.set(id, item);
        added += 1;
      }
      const pages = Number((body.meta as { pages?: unknown } | undefined)?.pages ?? 1);
      if (!Number.isFinite(pages) || page >= pages || added === 0) break;
    }
    return [...items.values()];
  }

  return { call, readAllPages };
}

export type CallbellTransport = ReturnType<typeof createTransport>;
