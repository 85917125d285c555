/**
 * The one shape of every error Bellhop's own API answers (`/api/…`, not Callbell's simulator, which answers as Callbell
 * does): `{"error": "<a sentence to show>", "code": "<what kind>", "fields": {"<field>": "<what is wrong>"}}`, with
 * `fields` only where particular inputs are at fault. The browser reads it through `fetchJson`.
 */
export type ApiErrorBody = { error: string; code: ApiErrorCode; fields?: Record<string, string> };

const CODES = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  411: "length_required",
  413: "too_large",
  429: "too_many_requests",
  500: "server_error",
  503: "unavailable",
} as const;
export type ApiErrorStatus = keyof typeof CODES;
export type ApiErrorCode = (typeof CODES)[ApiErrorStatus];

/** An error a route answers with; `toResponse()` writes it in the one shape, never cached. */
export class AppError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get code(): ApiErrorCode {
    return CODES[this.status];
  }

  toResponse(extra: Record<string, unknown> = {}): Response {
    const body: ApiErrorBody = {
      error: this.message,
      code: this.code,
      ...(this.fields ? { fields: this.fields } : {}),
    };
    return Response.json(
      { ...extra, ...body },
      { status: this.status, headers: { "Cache-Control": "no-store" } },
    );
  }
}

/** The response for an error, in the one shape: `apiError(404, "No such broadcast")`. */
export function apiError(status: ApiErrorStatus, message: string, fields?: Record<string, string>): Response {
  return new AppError(status, message, fields).toResponse();
}
