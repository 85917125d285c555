import type { SendRow } from "@/lib/db/schema";
import { zonedMoment } from "@/lib/format/date";

/** The timeline's last step: where the send ended, in the history's words, and what that means. */
export function closingStep(
  send: Pick<SendRow, "status" | "errorStatus" | "scheduledFor" | "scheduledZone">,
): { label: string; words: string } {
  switch (send.status) {
    case "scheduled":
      return {
        label: "scheduled",
        words: `goes out ${zonedMoment(send.scheduledFor!, send.scheduledZone ?? "UTC")}`,
      };
    case "cancelled":
      return { label: "cancelled", words: "before it was sent: nothing left Bellhop" };
    case "missed":
      return { label: "missed", words: "Bellhop was not running at its time: nothing was sent" };
    case "not_sent":
      return {
        label: "not sent",
        words: send.scheduledFor
          ? "refused when it was due, or Callbell could not be reached: nothing was sent"
          : "Callbell could not be reached: nothing was sent",
      };
    case "unknown":
      if (!send.errorStatus)
        return { label: "unknown", words: "no answer from Callbell: it may or may not have gone out" };
      return { label: "unknown", words: `Callbell's answer (HTTP ${send.errorStatus})` };
    case "rejected":
      return {
        label: "rejected",
        words: `Callbell's answer${send.errorStatus ? ` (HTTP ${send.errorStatus})` : ""}`,
      };
    default:
      return { label: "enqueued", words: "Callbell's answer" };
  }
}
