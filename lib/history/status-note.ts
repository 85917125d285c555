import { zonedMoment } from "@/lib/format/date";
import { platformLabel } from "@/lib/messages/options";

/**
 * Openings that repeat what the status badge beside the note already says (`rejected`, `unknown`): a history row
 * shows one line of the note, and it should start with the reason itself ("the WhatsApp wallet has no credit…").
 */
const SAID_BY_THE_BADGE = /^Callbell (?:refused|rejected) the (?:send|request|message):\s*/i;

/** Why a send stands where it does, in words, when there is more to say than its status: a reason, or silence. */
export function statusNote(send: {
  status: string;
  platform: string;
  statusReason: string | null;
  errorMessage: string | null;
  scheduledFor?: string | null;
  scheduledZone?: string | null;
}): string | null {
  if (send.status === "scheduled" && send.scheduledFor) {
    return `Goes out ${zonedMoment(new Date(send.scheduledFor), send.scheduledZone ?? "UTC")}`;
  }
  const said = send.statusReason ?? send.errorMessage;
  if (said) {
    const reason = said.replace(SAID_BY_THE_BADGE, "");
    return reason ? reason.charAt(0).toUpperCase() + reason.slice(1) : said;
  }
  return send.status === "enqueued" && send.platform !== "whatsapp"
    ? `${platformLabel(send.platform)} reports no delivery status`
    : null;
}
