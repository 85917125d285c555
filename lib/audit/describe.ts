import { AUDIT_KINDS, type AuditKind } from "@/lib/db/constants";
import { absoluteMoment } from "@/lib/format/date";
import { countOf } from "@/lib/format/plural";

/** Each kind in words, for the `/audit` table and its `Kind` filter. */
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  "sign-in": "Signed in",
  "sign-in-failed": "Sign-in failed",
  "sign-out": "Signed out",
  "user-added": "User added",
  "user-role-changed": "Role changed",
  "user-deactivated": "User deactivated",
  "user-reactivated": "User reactivated",
  "token-checked": "Token checked",
  "token-saved": "Token saved",
  "token-removed": "Token removed",
  "mode-switched": "Mode switched",
  "broadcast-created": "Broadcast created",
  "broadcast-paused": "Broadcast paused",
  "broadcast-resumed": "Broadcast resumed",
  "broadcast-cancelled": "Broadcast cancelled",
  "broadcast-started": "Broadcast started now",
  "broadcast-rescheduled": "Broadcast rescheduled",
  "export-downloaded": "Export downloaded",
};

export const isAuditKind = (value: unknown): value is AuditKind =>
  (AUDIT_KINDS as readonly unknown[]).includes(value);

const SIGN_IN_REASONS: Record<string, string> = {
  "wrong-password": "wrong password",
  "unknown-account": "no account has this email",
  deactivated: "the account is deactivated",
};

type Detail = Record<string, unknown>;

const text = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

const broadcastName = (detail: Detail) =>
  `broadcast ${text(detail.broadcastId)}${detail.name ? ` “${text(detail.name)}”` : ""}`;

/** A start time as the audit shows every time: absolute, in UTC. */
const startText = (value: unknown) => {
  const at = new Date(text(value));
  return Number.isNaN(at.getTime()) ? text(value) : absoluteMoment(at, { timeZone: "UTC" });
};

const filtersText = (filters: unknown) => {
  const entries = filters && typeof filters === "object" ? Object.entries(filters as Detail) : [];
  return entries.length === 0
    ? "every send"
    : entries.map(([key, value]) => `${key} ${text(value)}`).join(", ");
};

/** What an entry's detail says, in a sentence; the raw JSON when a detail is not what its kind writes. */
export function describeAuditDetail(kind: AuditKind, json: string): string {
  let detail: Detail;
  try {
    const parsed: unknown = JSON.parse(json);
    detail = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Detail) : {};
  } catch {
    return json;
  }
  switch (kind) {
    case "sign-in":
    case "sign-out":
      return "";
    case "sign-in-failed":
      if (detail.reason === "throttled") {
        const where = detail.by === "address" ? "from this address" : "for this account";
        return `Refused before the password was tried: too many failed sign-ins ${where} (wait ${text(detail.waitSeconds)} s)`;
      }
      return SIGN_IN_REASONS[text(detail.reason)] ?? text(detail.reason);
    case "user-added":
      return `${text(detail.email)} as ${text(detail.role)}${
        detail.via === "setup"
          ? ", the first admin (setup)"
          : detail.via === "environment"
            ? ", the first admin (environment)"
            : ""
      }`;
    case "user-role-changed":
      return `${text(detail.email)}: ${text(detail.from)} → ${text(detail.to)}`;
    case "user-deactivated":
    case "user-reactivated":
      return text(detail.email);
    case "token-checked":
      return detail.accepted
        ? `Callbell accepted it: account ${text(detail.account)}`
        : `${detail.unchecked ? "Callbell could not be asked" : "Callbell refused it"}${detail.via === "save" ? ", so it was not saved" : ""}`;
    case "token-saved":
      return `token of account ${text(detail.account)}`;
    case "token-removed":
      return `token of account ${text(detail.account) || "unknown"}${
        detail.switchedToSandbox ? "; Bellhop went back to the sandbox" : ""
      }`;
    case "mode-switched":
      return `${text(detail.from)} → ${text(detail.to)}${detail.because === "token-removed" ? " (the token was removed)" : ""}`;
    case "broadcast-created":
      return `${broadcastName(detail)}, ${typeof detail.recipients === "number" ? countOf(detail.recipients, "recipient") : `${text(detail.recipients)} recipients`}${
        detail.retryOf ? `, the failed rows of broadcast ${text(detail.retryOf)}` : ""
      }${detail.startAt ? `, to start ${startText(detail.startAt)}` : ""}`;
    case "broadcast-paused":
    case "broadcast-resumed":
    case "broadcast-cancelled":
    case "broadcast-started":
      return broadcastName(detail);
    case "broadcast-rescheduled":
      return `${broadcastName(detail)}, to start ${startText(detail.startAt)}`;
    case "export-downloaded":
      return detail.export === "broadcast-report"
        ? `report of ${broadcastName(detail)}, ${detail.state ? `${text(detail.state)} rows` : "every row"}`
        : `history: ${filtersText(detail.filters)}`;
  }
}
