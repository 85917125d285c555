import type { ApiErrorBody } from "./api-error";

/** A failed answer from Bellhop's API: its status (0 without one), its sentence and the fields it names. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The browser's one way to read Bellhop's API: the JSON of a 2xx, else an `HttpError` carrying the error's sentence
 * and fields. It never retries: TanStack Query repeats a query by the retry policy (never after a 4xx), and a change
 * is repeated only by the person who asked for it.
 */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init }).catch((error: unknown) => {
    throw init?.signal?.aborted ? error : new HttpError(0, "Bellhop's server could not be reached");
  });
  const body = (await response.json().catch(() => null)) as (T & Partial<ApiErrorBody>) | null;
  if (response.ok) return body as T;
  const fields = body?.fields ?? {};
  const detail = Object.entries(fields).map(([field, message]) => `${field} ${message}`);
  const message = body?.error ?? `Bellhop answered HTTP ${response.status}`;
  throw new HttpError(response.status, [message, ...detail].join(": "), fields);
}
