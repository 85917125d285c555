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
