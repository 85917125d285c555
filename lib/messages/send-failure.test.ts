import { describe, expect, it } from "vitest";
import { mapCallbellFieldErrors } from "./callbell-field-errors";
import { describeSendFailure, type FailedSend } from "./send-failure";

const rejected = (status: number, message: string, fieldErrors: Record<string, string> = {}): FailedSend => ({
  kind: "rejected",
  sendId: 7,
  status,
  notDelivered: status === 0,
  message,
  fieldErrors,
});

/** A 5xx: Callbell answered with an error of its own, after which the outcome is unknown. */
const failedInside = (status: number, message: string): FailedSend => ({
  kind: "unknown",
  sendId: 7,
  status,
  message,
});

/** One row per failure kind: what the agent reads, and advice that must not appear there. */
const table: { kind: string; result: FailedSend; says: RegExp; never?: RegExp; detail: string | null }[] = [
  {
    kind: "a bad token (401)",
    result: rejected(401, "Callbell refused the API token: Invalid API token"),
    says: /API token.*an admin must fix the token on the Settings page\.$/,
    never: /correct|send again/i,
    detail: "HTTP 401: Callbell refused the API token: Invalid API token",
  },
  {
    kind: "a token without the right (403)",
    result: rejected(403, "Callbell refused the API token for this action"),
    says: /an admin must fix the token on the Settings page/,
    never: /correct/i,
    detail: "HTTP 403: Callbell refused the API token for this action",
  },
  {
    kind: "an empty wallet (402)",
    result: rejected(
      402,
      "Callbell refused the send: the account has no credit: The WhatsApp wallet has no credit",
    ),
    says: /^The WhatsApp wallet has no credit, so nothing was sent: top up the wallet in Callbell, then send again\.$/,
    detail:
      "HTTP 402: Callbell refused the send: the account has no credit: The WhatsApp wallet has no credit",
  },
  {
    kind: "Callbell's internal error (500): unknown, it may have gone out",
    result: failedInside(500, "Callbell had an internal error: Internal server error"),
    says: /Callbell failed.*may or may not have gone out: check the history in a minute before you send it again\.$/,
    never: /correct|nothing was sent/i,
    detail: "HTTP 500: Callbell had an internal error: Internal server error",
  },
  {
    kind: "Callbell out of service (503)",
    result: failedInside(503, "Callbell had an internal error (HTTP 503)"),
    says: /check the history in a minute before you send it again\.$/,
    detail: "HTTP 503: Callbell had an internal error (HTTP 503)",
  },
  {
    kind: "Callbell not reached",
    result: rejected(0, "connect ECONNREFUSED 127.0.0.1:443"),
    says: /^Callbell could not be reached, so nothing was sent: try again in a minute\.$/,
    detail: "connect ECONNREFUSED 127.0.0.1:443",
  },
  {
    kind: "too many requests (429)",
    result: rejected(429, "Callbell is rate-limiting requests; try again in a moment: Too many requests"),
    says: /limiting.*wait a minute, then send again\.$/,
    detail: "HTTP 429: Callbell is rate-limiting requests; try again in a moment: Too many requests",
  },
  {
    kind: "a field Callbell refused (400)",
    result: rejected(
      400,
      "Callbell rejected the request: to is not a valid WhatsApp number",
      mapCallbellFieldErrors({ to: ["is not a valid WhatsApp number"] }, { type: "text" }),
    ),
    says: /^Callbell refused the Recipient \(to is not a valid WhatsApp number\): correct it, then send again\.$/,
    detail: "HTTP 400: Callbell rejected the request: to is not a valid WhatsApp number",
  },
  {
    kind: "a media URL Callbell refused (422)",
    result: rejected(
      422,
      "Callbell rejected the request: content url is unreachable",
      mapCallbellFieldErrors({ content: ["url is unreachable"] }, { type: "image" }),
    ),
    says: /^Callbell refused the Media URL \(content url is unreachable\)/,
    detail: "HTTP 422: Callbell rejected the request: content url is unreachable",
  },
  {
    kind: "an invalid request without a field (422)",
    result: rejected(422, "Callbell rejected the request: Template is paused"),
    says: /refused the message as invalid.*correct the form/,
    detail: "HTTP 422: Callbell rejected the request: Template is paused",
  },
  {
    kind: "another refusal (404)",
    result: rejected(404, "Callbell does not know this resource"),
    says: /HTTP 404.*tell an admin/,
    detail: "HTTP 404: Callbell does not know this resource",
  },
  {
    kind: "an unknown outcome",
    result: { kind: "unknown", sendId: 7, message: "Callbell did not answer within 15 s" },
    says: /cannot tell whether the message went out: check the history/,
    detail: "Callbell did not answer within 15 s",
  },
  {
    kind: "Bellhop's own validation",
    result: { kind: "invalid", message: "Some fields need attention", fieldErrors: { to: "Enter a number" } },
    says: /^Some fields need attention$/,
    detail: null,
  },
];

describe("what the compose form says about a failed send", () => {
  it.each(table)("$kind: one sentence with what to do, Callbell's words in the detail", (row) => {
    const words = describeSendFailure(row.result);
    expect(words.sentence).toMatch(row.says);
    if (row.never) expect(words.sentence).not.toMatch(row.never);
    // One sentence: a single full stop, at the end (none inside, where two sentences would stack).
    expect(words.sentence.replace(/\([^)]*\)/g, "").match(/\.(\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(words.detail).toBe(row.detail);
  });

  it("titles an unknown outcome apart from a refusal", () => {
    // In the history's words: `rejected` for a refusal, `not sent` for a connection never made.
    expect(describeSendFailure(table[0]!.result).title).toBe("Rejected by Callbell");
    expect(describeSendFailure(rejected(0, "connect ECONNREFUSED 127.0.0.1:443")).title).toBe("Not sent");
    expect(describeSendFailure(table.at(-2)!.result).title).toBe("The outcome is unknown");
    expect(describeSendFailure(failedInside(500, "Callbell had an internal error")).title).toBe(
      "The outcome is unknown",
    );
  });
});
