/** The simulator's answers, shaped as Callbell's: JSON bodies, Rails-style field errors, `meta` with page and pages. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export const fieldError = (errors: Record<string, string[]>) => json(400, { error: errors });

/** A request's JSON object body, or the 400 Callbell answers when it is not one. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json(400, { error: "Request body must be JSON" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return json(400, { error: "Request body must be a JSON object" });
  }
  return body as Record<string, unknown>;
}

/** The `page` query parameter (default 1), or null when it is not a positive integer. */
export function pageParam(url: URL): number | null {
  const raw = url.searchParams.get("page");
  if (raw === null || raw === "") return 1;
  return /^[1-9]\d*$/.test(raw) ? Number(raw) : null;
}

export const badPage = () => fieldError({ page: ["must be a positive integer"] });

/** One page of a list; a page past the end is empty, as Callbell answers it. */
export function pageOf<T>(key: string, items: readonly T[], page: number, pageSize = 25): Response {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const slice = items.slice((page - 1) * pageSize, page * pageSize);
  return json(200, { [key]: slice, meta: { page, pages } });
}

/** Callbell writes times as ISO 8601 without milliseconds. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
