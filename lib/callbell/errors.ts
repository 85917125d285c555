/** How a call to Callbell failed: it answered with an error, it did not answer in time, or it was not reached. */
export type CallbellErrorKind = "http" | "timeout" | "network" | "response";

const STATUS_WORDS: Record<number, string> = {
  400: "Callbell rejected the request",
  401: "Callbell refused the API token",
  402: "Callbell refused the send",
  403: "Callbell refused the API token for this action",
  404: "Callbell does not know this resource",
  422: "Callbell rejected the request",
  429: "Callbell is rate-limiting requests; try again in a moment",
};

const CODE_WORDS: Record<string, string> = {
  whatsapp_wallet_depleted_credit:
    "the WhatsApp wallet has no credit left: top it up in Callbell before sending again",
};

/** One error for every failure at the Callbell boundary. */
export class CallbellError extends Error {
  readonly kind: CallbellErrorKind;
  /** The HTTP status, or 0 when Callbell gave no answer. */
  readonly status: number;
  /** Callbell's messages per request field (`{"error":{"metadata":["must be string"]}}`). */
  readonly fieldErrors: Record<string, string[]>;
  /** Callbell's machine-readable code, where it sends one. */
  readonly code?: string;
  /** Seconds Callbell asked us to wait, from `Retry-After`. */
  readonly retryAfterSeconds?: number;
  /** True when the request surely did not reach Callbell (connection refused): repeating it cannot duplicate. */
  readonly notDelivered: boolean;
  /** Callbell's answer as it came (its first `BODY_KEPT` characters), for the history; none without an answer. */
  readonly body?: string;

  constructor(init: {
    kind: CallbellErrorKind;
    status: number;
    message: string;
    fieldErrors?: Record<string, string[]>;
    code?: string;
    retryAfterSeconds?: number;
    notDelivered?: boolean;
    body?: string;
  }) {
    super(init.message);
    this.name = "CallbellError";
    this.kind = init.kind;
    this.status = init.status;
    this.fieldErrors = init.fieldErrors ?? {};
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.notDelivered = init.notDelivered ?? false;
    this.body = init.body;
  }
}

function asMessages(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(asMessages);
  if (value && typeof value === "object") return Object.values(value).flatMap(asMessages);
  return [];
}

/**
 * Whether this is a CallbellError. Next bundles server code more than once (instrumentation, pages, actions), so a
 * client made by one bundle throws a class that another bundle's `instanceof` does not know: the name decides.
 */
export function isCallbellError(error: unknown): error is CallbellError {
  return (
    error instanceof CallbellError ||
    (error instanceof Error &&
      error.name === "CallbellError" &&
      typeof (error as CallbellError).status === "number")
  );
}

/** How much of an error's body is kept: Callbell's errors are a line; an HTML error page is cut. */
export const BODY_KEPT = 4_000;

/** Parses both error shapes seen from Callbell (`{"error":"…"}` and `{"error":{field:[…]}}`), else the raw text. */
export function parseCallbellError(
  status: number,
  bodyText: string,
  retryAfterSeconds?: number,
): CallbellError {
  let message = "";
  let fieldErrors: Record<string, string[]> = {};
  let code: string | undefined;

  let parsed: unknown;
  try {
    parsed = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    parsed = undefined;
  }

  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    const body = parsed as Record<string, unknown>;
    if (typeof body.code === "string") code = body.code;
    const error = body.error ?? body.errors;
    if (typeof error === "string") {
      message = error;
    } else if (error && typeof error === "object" && !Array.isArray(error)) {
      fieldErrors = Object.fromEntries(
        Object.entries(error).map(([field, value]) => [field, asMessages(value)]),
      );
      message = Object.entries(fieldErrors)
        .map(([field, messages]) => `${field} ${messages.join(", ")}`)
        .join("; ");
    } else if (Array.isArray(error)) {
      message = asMessages(error).join("; ");
    }
    if (!message && typeof body.message === "string") message = body.message;
    if (!message && code) message = CODE_WORDS[code] ?? code;
  } else if (bodyText.trim() && !/^\s*</.test(bodyText)) {
    // Plain text is shown as Callbell sent it; an HTML error page is not worth showing.
    message = bodyText.trim().slice(0, 500);
  }
  if (!message && status === 402) message = "the account has no credit";

  const words =
    STATUS_WORDS[status] ??
    (status >= 500 ? "Callbell had an internal error" : "Callbell refused the request");
  return new CallbellError({
    kind: "http",
    status,
    message: message ? `${words}: ${message}` : `${words} (HTTP ${status})`,
    fieldErrors,
    code,
    retryAfterSeconds,
    body: bodyText ? bodyText.slice(0, BODY_KEPT) : undefined,
  });
}

/** `Retry-After` as seconds, from either of its forms. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
