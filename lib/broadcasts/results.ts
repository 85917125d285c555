import type { BroadcastProgress } from "./progress";

/** What the wizard's test send answers. */
export type TestSendResult = { ok: boolean; message: string };

/** What `POST /api/broadcasts` answers: the new broadcast, or why nothing was started. */
export type StartAnswer =
  | { ok: true; id: number; recipients: number }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/** What the page and `POST /api/broadcasts/<id>` can do; `start` and `reschedule` are for a scheduled or missed one. */
export const CONTROL_ACTIONS = ["pause", "resume", "cancel", "start", "reschedule"] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

/** What pausing, resuming or cancelling a broadcast answers; `progress` is the broadcast as it is now. */
export type ControlResult =
  | { kind: "changed"; progress: BroadcastProgress }
  | { kind: "unchanged"; message: string; progress: BroadcastProgress }
  | { kind: "forbidden" | "not-found" | "signed-out" | "invalid"; message: string; field?: "startAt" };

const SERVER_SILENT = "Bellhop's server did not answer: nothing was started. Try again.";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The wizard's reading of `POST /api/broadcasts`'s answer (its status, and its JSON body or null when there was none;
 * an error comes in the API's one shape, `ApiErrorBody`): checked rather than assumed, since a proxy or a crash can
 * answer anything.
 */
export function readStartAnswer(status: number | null, body: unknown): StartAnswer {
  const answer = isRecord(body) ? body : {};
  if (status !== null && status >= 200 && status < 300 && typeof answer.id === "number") {
    return {
      ok: true,
      id: answer.id,
      recipients: typeof answer.recipients === "number" ? answer.recipients : 0,
    };
  }
  const fieldErrors: Record<string, string> = {};
  if (isRecord(answer.fields)) {
    for (const [field, message] of Object.entries(answer.fields)) {
      if (typeof message === "string") fieldErrors[field] = message;
    }
  }
  return {
    ok: false,
    message: typeof answer.error === "string" ? answer.error : SERVER_SILENT,
    fieldErrors,
  };
}
