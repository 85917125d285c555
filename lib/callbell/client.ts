import { createTransport, type CallbellClientOptions } from "./transport";
import { isCallbellError } from "./errors";
import { IN_REQUEST_SEND_ATTEMPTS } from "./retry-policy";
import { inboxLink, parseSendResponse } from "./send-response";
import type {
  AccountIdentity,
  ChannelSummary,
  ContactCard,
  ContactMessage,
  SendRequest,
  MessageStatus,
  SendResponse,
  TeamMember,
  TeamSummary,
  TemplateSummary,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
} from "./types";

export type { CallbellClientOptions, CallbellFetch } from "./transport";

export function createCallbellClient(options: CallbellClientOptions) {
  const { call, readAllPages } = createTransport(options);

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
    /**
     * `POST /messages/send`. `attempts`: how many requests it may make now (see `retry-policy.ts`): the client's
     * in-request number while an agent waits, 1 when the caller (the broadcast dispatcher) repeats it later itself.
     */
    async sendMessage(
      request: SendRequest,
      { attempts = IN_REQUEST_SEND_ATTEMPTS }: { attempts?: number } = {},
    ): Promise<SendResponse> {
      return parseSendResponse(await call("send", "POST", "/messages/send", request, attempts));
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

    /**
     * The contact with this phone number (`GET /contacts/phone/:digits`) or BSUID (`GET /contacts/bsuid/:bsuid`), or
     * null when Callbell has none (404).
     */
    async findContact(
      recipient: { phone: string } | { bsuid: string },
      channelUuid?: string,
    ): Promise<ContactCard | null> {
      const path =
        "phone" in recipient
          ? `/contacts/phone/${recipient.phone.replace(/\D/g, "")}`
          : `/contacts/bsuid/${encodeURIComponent(recipient.bsuid)}`;
      const query = channelUuid ? `?channel_uuid=${encodeURIComponent(channelUuid)}` : "";
      let body: { contact?: Record<string, unknown> | null };
      try {
        body = (await call("read", "GET", `${path}${query}`)) as typeof body;
      } catch (error) {
        if (isCallbellError(error) && error.status === 404) return null;
        throw error;
      }
      const contact = body.contact;
      if (!contact || !str(contact.uuid)) return null;
      return {
        uuid: str(contact.uuid),
        name: str(contact.name),
        // Callbell writes it "+123 456 789" in one place and "331122334455" in another: digits alone get their "+".
        phone: str(contact.phoneNumber ?? contact.phone).replace(/^(?=\d{6,}$)/, "+"),
        bsuid: str(contact.bsuid) || null,
        tags: Array.isArray(contact.tags) ? contact.tags.map(nameOf).filter(Boolean) : [],
        assignedUser: nameOf(contact.assignedUser) || null,
        conversationHref: inboxLink(contact.conversationHref ?? contact.href),
      };
    },

    /**
     * One page of a contact's messages, newest first. Callbell documents no `meta` here, so the caller decides when
     * to stop (an empty page, a page it has seen, or one older than it needs).
     */
    async listContactMessages(contactUuid: string, page = 1): Promise<ContactMessage[]> {
      const body = (await call(
        "read",
        "GET",
        `/contacts/${encodeURIComponent(contactUuid)}/messages?page=${page}`,
      )) as { messages?: Record<string, unknown>[] };
      return (Array.isArray(body.messages) ? body.messages : []).map((m) => ({
        // A note has no uuid.
        uuid: str(m.uuid),
        createdAt: str(m.createdAt),
        status: str(m.status),
      }));
    },

    listTemplates(): Promise<TemplateSummary[]> {
      return readAllPages(
        "/templates",
        "templates",
        (t) => ({
          uuid: str(t.uuid),
          title: str(t.title) || str(t.uuid),
          text: str(t.text),
          templateType: str(t.templateType) || "text",
          category: str(t.category),
          status: str(t.status),
        }),
        (t) => t.uuid,
        false,
      );
    },

    /**
     * One platform's active channels (`type`: `whatsapp`, `instagram`, `facebook` for Messenger, `telegram`). What
     * Callbell answers is checked again: a channel of another type, or one discarded, is never offered.
     */
    listChannels(type: string): Promise<ChannelSummary[]> {
      return readAllPages(
        `/channels?type=${encodeURIComponent(type)}&active=true`,
        "channels",
        (c) => ({
          uuid: str(c.uuid),
          title: str(c.title) || str(c.uuid),
          type: str(c.type) || type,
          main: c.main === true,
          // A boolean in Callbell's example, a time in its object table: either way, set means discarded.
          discarded:
            c.discardedAt !== undefined &&
            c.discardedAt !== null &&
            c.discardedAt !== false &&
            c.discardedAt !== "",
        }),
        (c) => c.uuid,
        true,
      ).then((channels) =>
        channels
          .filter((c) => c.uuid && c.type === type && !c.discarded)
          .map(({ uuid, title, main }) => ({ uuid, title, type, main })),
      );
    },

    listTeams(): Promise<TeamSummary[]> {
      return readAllPages(
        "/teams",
        "teams",
        (t) => ({ uuid: str(t.uuid), name: str(t.name) || str(t.uuid), default: t.default === true }),
        (t) => t.uuid,
        false,
      );
    },

    listTeamMembers(teamUuid: string): Promise<TeamMember[]> {
      return readAllPages(
        `/teams/${encodeURIComponent(teamUuid)}/members`,
        "users",
        (u) => ({ email: str(u.email), name: str(u.name), available: u.available === true }),
        (u) => u.email,
        true,
      );
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
