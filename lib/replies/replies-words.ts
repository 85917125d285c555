/** What every page says instead of reply numbers when the webhook is off (lib/replies/replies-known.ts). */
export const REPLIES_NEED_WEBHOOK =
  "Replies need the webhook: Bellhop learns of them only from Callbell's message_created events, which polling cannot ask for. An admin sets CALLBELL_WEBHOOK_SECRET and registers the webhook (Settings → Webhook).";

/** The same, short, where a number would stand in a table cell. */
export const NO_WEBHOOK = "needs the webhook";
