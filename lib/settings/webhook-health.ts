import "server-only";
import { isCallbellError } from "@/lib/callbell";
import { getCallbellConnection } from "./callbell-connection";
import type { WebhookDelivery } from "@/lib/callbell/types";
import { getDb } from "@/lib/db/client";
import { countReceivedMessages } from "@/lib/db/reply-queries";
import { readWebhookReceipts } from "@/lib/db/webhook-queries";
import { getEnv } from "@/lib/env";
import type { Mode } from "./connection-state";

/** Stands for the secret wherever the webhook's address is shown: the secret is its only credential. */
export const MASKED_SECRET = "••••••••";
/** How many of Callbell's latest successful, and failed, deliveries Settings shows. */
export const RECENT_DELIVERIES = 10;
/** Settings renders even when Callbell hangs: its log is given up on after this long. */
const DELIVERY_LOG_DEADLINE_MS = 5_000;

export type WebhookHealthView = {
  secretSet: boolean;
  /** The address to register in Callbell, with the secret masked. */
  maskedUrl: string;
  /** Why Callbell would refuse that address (not https, or not public), or null when it can call it. */
  addressProblem: string | null;
  mode: Mode;
  lastEvent: { name: string; at: string } | null;
  lastCheck: { at: string } | null;
  /** Customers' messages kept (`message_created`), and how many answer no send of Bellhop's; null when unread. */
  replies: { total: number; unlinked: number } | null;
  /** Why the times above could not be read (the database failed), else null. */
  receiptsError: string | null;
  /** `expected`: nothing is wrong (the sandbox without a webhook), so the page says it plainly, not as a warning. */
  deliveries: { ok: true; items: WebhookDelivery[] } | { ok: false; message: string; expected?: boolean };
};

/** Bellhop's public address: `BELLHOP_URL`, else the one this page was asked on. */
function originOf(requestHeaders: Headers): string {
  const configured = getEnv().BELLHOP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "<your Bellhop>";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "https";
  return `${protocol}://${host}`;
}

/** Callbell calls public https addresses only, and refuses `localhost`. */
export function webhookAddressProblem(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return "Bellhop does not know its own address";
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local =
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    host === "::1" ||
    /^(127|10|0)\.|^192\.168\.|^169\.254\.|^172\.(1[6-9]|2\d|3[01])\./.test(host);
  if (local) return `${url.host} cannot be reached from the internet, where Callbell calls from`;
  if (url.protocol !== "https:") return "Callbell calls https addresses only";
  return null;
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Callbell did not answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Callbell's latest successes and failures together, newest first. */
async function recentDeliveries(mode: Mode): Promise<WebhookHealthView["deliveries"]> {
  try {
    const { client } = await getCallbellConnection();
    const [successes, failures] = await withDeadline(
      Promise.all([
        client.listWebhookEvents({ status: "success", items: RECENT_DELIVERIES }),
        client.listWebhookEvents({ status: "failed", items: RECENT_DELIVERIES }),
      ]),
      DELIVERY_LOG_DEADLINE_MS,
    );
    const items = [
      ...successes.events.slice(0, RECENT_DELIVERIES),
      ...failures.events.slice(0, RECENT_DELIVERIES),
    ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { ok: true, items };
  } catch (error) {
    if (mode === "sandbox" && isCallbellError(error) && error.status === 404) {
      return {
        ok: false,
        message: "The sandbox has no webhook: it gets one at start when CALLBELL_WEBHOOK_SECRET is set.",
        expected: true,
      };
    }
    return { ok: false, message: error instanceof Error ? error.message : "unknown error" };
  }
}

/** What Settings shows of the webhook. Never the secret, and never an event's payload (it holds customer data). */
export async function loadWebhookHealth(requestHeaders: Headers): Promise<WebhookHealthView> {
  const { state } = await getCallbellConnection();
  const [receipts, replies, deliveries] = await Promise.all([
    getDb()
      .then(readWebhookReceipts)
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    getDb()
      .then(countReceivedMessages)
      .catch(() => null),
    recentDeliveries(state.mode),
  ]);
  const read = receipts instanceof Error ? null : receipts;
  const origin = originOf(requestHeaders);
  return {
    secretSet: Boolean(getEnv().CALLBELL_WEBHOOK_SECRET),
    maskedUrl: `${origin}/api/webhooks/callbell/${MASKED_SECRET}`,
    addressProblem: webhookAddressProblem(origin),
    mode: state.mode,
    lastEvent: read?.event ? { name: read.event.name, at: read.event.receivedAt.toISOString() } : null,
    lastCheck: read?.check ? { at: read.check.receivedAt.toISOString() } : null,
    replies,
    receiptsError: receipts instanceof Error ? receipts.message : null,
    deliveries,
  };
}
