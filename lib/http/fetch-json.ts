import type { ApiErrorBody } from "./api-error";

/** A failed answer from Bellhop's API, with its status, its sentence and the fields it names. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * The browser's one way to read Bellhop's API: the JSON of a 2xx, else an `HttpError` carrying the error's sentence
 * (`what` names the request when the answer has none). It never retries: TanStack Query repeats a query by the retry
 * policy (never after a 4xx), and a change is repeated only by the person who asked for it.
 */
export async function fetchJson<T>(
  url: string,
  init: RequestInit = {},
  what = "Bellhop's answer",
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new HttpError(0, "Bellhop's server could not be reached");
  }
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  const fields = body?.fields ?? {};
  const detail = Object.entries(fields)
    .map(([key, message]) => `${key} ${message}`)
    .join("; ");
  const message = body?.error ?? `${what} failed (HTTP ${response.status})`;
  throw new HttpError(response.status, detail ? `${message}: ${detail}` : message, fields);
}
