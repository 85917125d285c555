import type { SendRow } from "@/lib/db/schema";

/** What a send attempt came to, as the compose form shows it. Field errors are keyed by form path. */
export type SendResult =
  | { kind: "enqueued"; sendId: number; uuid: string; contactName: string | null }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string> }
  | {
      kind: "rejected";
      sendId: number | null;
      /** Callbell's HTTP status, or 0 when it gave no answer. */
      status: number;
      /** True when the message surely never reached Callbell (refused connection, or refused by Bellhop first). */
      notDelivered: boolean;
      message: string;
      fieldErrors: Record<string, string>;
    }
  | {
      kind: "unknown";
      sendId: number;
      message: string;
      /** Callbell's HTTP status when it answered with an error of its own (a 5xx); absent when it did not answer. */
      status?: number;
    };

/** What `Send later` came to: recorded for its time (UTC, shown in the agent's zone), or refused as a send would be. */
export type ScheduleResult =
  { kind: "scheduled"; sendId: number; at: string; zone: string } | Exclude<SendResult, { kind: "enqueued" }>;

/** The answer a stored send gives to a repeated attempt with its idempotency key (null while it is being sent). */
export function resultFromRow(row: SendRow): SendResult | null {
  switch (row.status) {
    case "sending":
      return null;
    case "rejected":
    case "not_sent":
      return {
        kind: "rejected",
        sendId: row.id,
        status: row.errorStatus ?? 0,
        notDelivered: row.status === "not_sent",
        message: row.errorMessage ?? "Callbell rejected the message",
        fieldErrors: {},
      };
    case "unknown":
      return {
        kind: "unknown",
        sendId: row.id,
        message: row.errorMessage ?? "The outcome of this send is unknown",
      };
    default:
      return { kind: "enqueued", sendId: row.id, uuid: row.callbellUuid ?? "", contactName: row.contactName };
  }
}
