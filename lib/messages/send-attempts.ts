/**
 * A send's earlier attempts. A broadcast row that Callbell refused with a 429, or that never reached Callbell, goes
 * again later on the same history row (one entry per recipient): each earlier attempt is kept in the row's
 * `attempt_log`, and the row's own status is the last attempt's.
 */
import { maySendAgain, refusedForTheAccount } from "@/lib/callbell/retry-policy";
import type { SendRow } from "@/lib/db/schema";

export type SendAttempt = { at: string; status: string; errorStatus: number | null; message: string | null };

/** The earlier attempts stored on a row (none for a row sent once, or a log that cannot be read). */
export function readAttemptLog(log: string | null): SendAttempt[] {
  if (!log) return [];
  try {
    const parsed: unknown = JSON.parse(log);
    return Array.isArray(parsed) ? parsed.filter(isAttempt) : [];
  } catch {
    return [];
  }
}

function isAttempt(value: unknown): value is SendAttempt {
  const attempt = value as SendAttempt | null;
  return typeof attempt?.at === "string" && typeof attempt.status === "string";
}

/** The log once the row's last attempt is moved into it (the row is about to be sent again). */
export function withLastAttempt(
  row: Pick<SendRow, "attemptLog" | "updatedAt" | "status" | "errorStatus" | "errorMessage">,
): string {
  const attempt: SendAttempt = {
    at: row.updatedAt.toISOString(),
    status: row.status,
    errorStatus: row.errorStatus ?? null,
    message: row.errorMessage ?? null,
  };
  return JSON.stringify([...readAttemptLog(row.attemptLog), attempt]);
}

/**
 * Whether the retry policy lets a later attempt go on this row: its last attempt surely delivered nothing, and was
 * refused for a reason that may pass (a 429, not sent, or a refusal for the whole account, once someone fixes it).
 */
export function mayTryRowAgain(row: Pick<SendRow, "status" | "errorStatus">): boolean {
  if (row.status !== "rejected" && row.status !== "not_sent") return false;
  const failure = { status: row.errorStatus ?? 0, notDelivered: row.status === "not_sent" };
  return maySendAgain(failure) || refusedForTheAccount(failure);
}
