import { formatSeconds } from "@/lib/format/duration";

/** WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last message. */
export const CONVERSATION_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ConversationWindow =
  | { state: "open"; lastReceivedAt: string; closesAt: string }
  /** `closedAt` is null when the customer never wrote (the window never opened). */
  | { state: "closed"; lastReceivedAt: string | null; closedAt: string | null }
  | { state: "unknown"; reason: string };

/** The window from the time of the customer's newest message, at `now`. */
export function windowFromLastReceived(lastReceivedAt: string | null, now: number): ConversationWindow {
  if (lastReceivedAt === null) return { state: "closed", lastReceivedAt: null, closedAt: null };
  const received = Date.parse(lastReceivedAt);
  if (Number.isNaN(received)) {
    return { state: "unknown", reason: "Callbell gave the customer's last message an unreadable time" };
  }
  const closes = received + CONVERSATION_WINDOW_MS;
  return closes > now
    ? { state: "open", lastReceivedAt, closesAt: new Date(closes).toISOString() }
    : { state: "closed", lastReceivedAt, closedAt: new Date(closes).toISOString() };
}

/** An open window seen again later may have closed meanwhile: the page keeps it current without asking again. */
export function windowAt(window: ConversationWindow, now: number): ConversationWindow {
  if (window.state !== "open" || Date.parse(window.closesAt) > now) return window;
  return { state: "closed", lastReceivedAt: window.lastReceivedAt, closedAt: window.closesAt };
}

/** "5 h 12 min", "40 min", "less than a minute": the time left, to the minute. */
export function formatDuration(ms: number): string {
  return ms < 60_000 ? "less than a minute" : formatSeconds(Math.floor(ms / 60_000) * 60);
}
