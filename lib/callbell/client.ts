import type { ContactCard, ContactMessage } from "@/lib/contacts/types";
import type { SendRequest } from "@/lib/messages/build-send-request";
import { CallbellError, isCallbellError, parseCallbellError, parseRetryAfter } from "./errors";
import type {
  AccountIdentity,
  ChannelSummary,
  MessageStatus,
  SendResponse,
  TeamMember,
  TeamSummary,
  TemplateSummary,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
} from "./types";

export type CallbellClientOptions = {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Injected by tests so that backoff takes no time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

/** Reads may be repeated freely; a send may be repeated only where it surely did not reach Callbell. */
type CallKind = "read" | "send";

const READ_MAX_TRIES = 3;
const SEND_MAX_TRIES = 3; // the first try and at most two retries after a 429 or a refused connection
const RETRY_AFTER_MAX_SECONDS = 10;
const BACKOFF_BASE_MS = 300;
const MAX_PAGES = 100;

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

/** Whether this failure may be tried again without risking a second message. */
export function isRetryable(error: CallbellError, kind: CallKind): boolean {
  if (error.status === 429) return true;
  if (kind === "send") return error.notDelivered;
  return error.kind === "timeout" || error.kind === "network" || error.status >= 500;
}

export function createCallbellClient(options: CallbellClientOptions) {
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
      text = await response.text();
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

  async function call(kind: CallKind, method: string, path: string, body?: unknown): Promise<unknown> {
    const maxTries = kind === "send" ? SEND_MAX_TRIES : READ_MAX_TRIES;
    for (let tryNumber = 1; ; tryNumber++) {
      try {
        return await attempt(method, path, body);
      } catch (error) {
        const failure = toTransportError(error, options.timeoutMs);
        if (tryNumber >= maxTries || !isRetryable(failure, kind)) throw failure;
        const backoff = BACKOFF_BASE_MS * 2 ** (tryNumber - 1) * (0.5 + random() / 2);
        const requested =
          failure.retryAfterSeconds !== undefined
            ? Math.min(failure.retryAfterSeconds, RETRY_AFTER_MAX_SECONDS) * 1000
            : 0;
        await sleep(Math.max(backoff, requested));
      }
    }
  }

  async function readAllPages<T>(path: string, key: string, map: (item: Record<string, unknown>) => T) {
    const items: T[] = [];
    const separator = path.includes("?") ? "&" : "?";
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = (await call("read", "GET", `${path}${separator}page=${page}`)) as Record<string, unknown>;
      const list = Array.isArray(body[key]) ? (body[key] as Record<string, unknown>[]) : [];
      items.push(...list.map(map));
      const pages = Number((body.meta as { pages?: unknown } | undefined)?.pages ?? 1);
      if (!Number.isFinite(pages) || page >= pages || list.length === 0) break;
    }
    return items;
  }

  const str = (value: unknown) => (typeof value === "string" ? value : value == null ? "" : String(value));
  // Tags and assignees come as strings or as objects, depending on the endpoint: take a readable name either way.
  const nameOf = (value: unknown): string => {
    if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      return str(record.name ?? record.email ?? record.title);
    }
    return str(value);
  };

  return {
    async sendMessage(request: SendRequest): Promise<SendResponse> {
      const body = (await call("send", "POST", "/messages/send", request)) as {
        message?: { uuid?: unknown; status?: unknown; contact?: SendResponse["contact"] };
        contact?: SendResponse["contact"];
      };
      const uuid = str(body.message?.uuid);
      if (!uuid) {
        throw new CallbellError({
          kind: "response",
          status: 200,
          message: "Callbell accepted the request but returned no message uuid",
        });
      }
      return {
        uuid,
        status: str(body.message?.status) || "enqueued",
        contact: body.message?.contact ?? body.contact,
        raw: body,
      };
    },

    async getMessageStatus(uuid: string): Promise<MessageStatus> {
      const body = (await call("read", "GET", `/messages/status/${encodeURIComponent(uuid)}`)) as {
        message?: { uuid?: unknown; status?: unknown; messageStatusPayload?: unknown };
      };
      return {
        uuid: str(body.message?.uuid) || uuid,
        status: str(body.message?.status),
        payload: body.message?.messageStatusPayload,
      };
    },

    /** The contact with this phone number, or null when Callbell has none (404). */
    async findContactByPhone(phone: string, channelUuid?: string): Promise<ContactCard | null> {
      const digits = phone.replace(/\D/g, "");
      const query = channelUuid ? `?channel_uuid=${encodeURIComponent(channelUuid)}` : "";
      let body: { contact?: Record<string, unknown> | null };
      try {
        body = (await call("read", "GET", `/contacts/phone/${digits}${query}`)) as typeof body;
      } catch (error) {
        if (isCallbellError(error) && error.status === 404) return null;
        throw error;
      }
      const contact = body.contact;
      if (!contact || !str(contact.uuid)) return null;
      return {
        uuid: str(contact.uuid),
        name: str(contact.name),
        phone: str(contact.phoneNumber ?? contact.phone),
        tags: Array.isArray(contact.tags) ? contact.tags.map(nameOf).filter(Boolean) : [],
        assignedUser: nameOf(contact.assignedUser) || null,
        conversationHref: str(contact.conversationHref ?? contact.href) || null,
      };
    },

    /** One page of a contact's messages, newest first. */
    async listContactMessages(
      contactUuid: string,
      page = 1,
    ): Promise<{ messages: ContactMessage[]; pages: number }> {
      const body = (await call(
        "read",
        "GET",
        `/contacts/${encodeURIComponent(contactUuid)}/messages?page=${page}`,
      )) as { messages?: Record<string, unknown>[]; meta?: { pages?: unknown } };
      const messages = (Array.isArray(body.messages) ? body.messages : []).map((m) => ({
        uuid: str(m.uuid),
        createdAt: str(m.createdAt),
        status: str(m.status),
      }));
      const pages = Number(body.meta?.pages ?? 1);
      return { messages, pages: Number.isFinite(pages) ? pages : 1 };
    },

    listTemplates(): Promise<TemplateSummary[]> {
      return readAllPages("/templates", "templates", (t) => ({
        uuid: str(t.uuid),
        title: str(t.title) || str(t.uuid),
        text: str(t.text),
        templateType: str(t.templateType) || "text",
        category: str(t.category),
        status: str(t.status),
      }));
    },

    listChannels(): Promise<ChannelSummary[]> {
      return readAllPages("/channels?active=true", "channels", (c) => ({
        uuid: str(c.uuid),
        title: str(c.title) || str(c.uuid),
        type: str(c.type),
        main: c.main === true,
      }));
    },

    listTeams(): Promise<TeamSummary[]> {
      return readAllPages("/teams", "teams", (t) => ({
        uuid: str(t.uuid),
        name: str(t.name) || str(t.uuid),
        default: t.default === true,
      }));
    },

    listTeamMembers(teamUuid: string): Promise<TeamMember[]> {
      return readAllPages(`/teams/${encodeURIComponent(teamUuid)}/members`, "users", (u) => ({
        email: str(u.email),
        name: str(u.name),
        available: u.available === true,
      }));
    },

    /** Checks a token. The answer's `api_key` is dropped here so it can never be shown back. */
    async getMe(): Promise<AccountIdentity> {
      const body = (await call("read", "GET", "/auth/me")) as Record<string, unknown>;
      return { email: str(body.user_email), name: str(body.user_name) };
    },

    /** One page of Callbell's webhook delivery log (`GET /webhooks/events`); each event's payload is dropped here. */
    async listWebhookEvents(query: WebhookDeliveryQuery = {}): Promise<WebhookDeliveryPage> {
      const params = new URLSearchParams();
      if (query.status) params.set("status", query.status);
      if (query.page !== undefined) params.set("page", String(query.page));
      if (query.items !== undefined) params.set("items", String(query.items));
      const search = params.size > 0 ? `?${params}` : "";
      const body = (await call("read", "GET", `/webhooks/events${search}`)) as {
        webhook_events?: unknown;
        meta?: { pages?: unknown };
      };
      const list = Array.isArray(body.webhook_events)
        ? (body.webhook_events as Record<string, unknown>[])
        : [];
      // The docs type `response` loosely (`string{}`): take a code that reads as a number, else none.
      const codeOf = (response: unknown) => {
        const code = (response as { code?: unknown } | null | undefined)?.code;
        const number = typeof code === "number" || typeof code === "string" ? Number(code) : NaN;
        return code !== "" && Number.isInteger(number) ? number : null;
      };
      const pages = Number(body.meta?.pages ?? 1);
      return {
        events: list.map((e) => ({
          event: str(e.event),
          success: e.success === true,
          code: codeOf(e.response),
          createdAt: str(e.createdAt),
        })),
        pages: Number.isFinite(pages) && pages >= 1 ? pages : 1,
      };
    },
  };
}

export type CallbellClient = ReturnType<typeof createCallbellClient>;
